using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using PolicyEngine.Syntax;

namespace Governance.Core.Accounts;

/// <summary>
/// Reads the JSON that <c>aws iam get-account-authorization-details</c> prints, and the raw API form whose policy
/// documents are URL-encoded strings. Every problem is reported with its JSON path; nothing throws for bad input.
/// </summary>
public static class AccountSnapshotReader
{
    /// <summary>Snapshots of large organisations run to tens of megabytes; past this bound the input is refused.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    /// <summary>A key given twice is refused, as the organisation reader refuses it: the AWS CLI never prints one.</summary>
    private static readonly JsonTextRules Rules = new(MaxDepth: 64, RefuseDuplicateKeys: true);

    /// <summary>Reads a snapshot from JSON text.</summary>
    public static SnapshotReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a snapshot from the bytes of a file: UTF-8, with or without a byte order mark.</summary>
    public static SnapshotReadResult Read(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return Fail(new SnapshotError(string.Empty, $"snapshot is {utf8.Length} bytes; at most {MaxBytes} are read"));
        }
        // Checked first: a lone surrogate escape or invalid UTF-8 in any string would otherwise throw when it is read.
        if (!JsonTextCheck.TryParse(utf8, Rules, out var document, out var problem))
        {
            return Fail(new SnapshotError(problem.Path, $"{problem.Message} (column {problem.Column})", problem.Line));
        }
        using (document)
        {
            return Read(document.RootElement);
        }
    }

    /// <summary>Reads a snapshot from a stream of UTF-8 JSON.</summary>
    public static async Task<SnapshotReadResult> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && stream.Length > MaxBytes)
        {
            return Fail(new SnapshotError(string.Empty, $"snapshot is {stream.Length} bytes; at most {MaxBytes} are read"));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return Fail(new SnapshotError(string.Empty, $"snapshot is more than {MaxBytes} bytes; at most {MaxBytes} are read"));
            }
            buffer.Write(chunk, 0, read);
        }
        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>Reads a snapshot from an already parsed JSON element.</summary>
    /// <remarks>The element's document must have passed <see cref="JsonTextCheck"/>: a lone surrogate escape in it throws when read.</remarks>
    public static SnapshotReadResult Read(JsonElement root)
    {
        var errors = new List<SnapshotError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(new SnapshotError(string.Empty, "a snapshot is a JSON object with UserDetailList, GroupDetailList, RoleDetailList and Policies"));
        }
        var reader = new ElementReader(errors);
        var snapshot = new AccountSnapshot(
            reader.List(root, "UserDetailList", string.Empty, reader.User),
            reader.List(root, "GroupDetailList", string.Empty, reader.Group),
            reader.List(root, "RoleDetailList", string.Empty, reader.Role),
            reader.List(root, "Policies", string.Empty, reader.Policy));
        if (!HasAnyList(root))
        {
            errors.Add(new SnapshotError(string.Empty,
                "no UserDetailList, GroupDetailList, RoleDetailList or Policies: is this the output of `aws iam get-account-authorization-details`?"));
        }
        return errors.Count == 0 ? new SnapshotReadResult(snapshot, []) : new SnapshotReadResult(null, [.. errors]);
    }

    private static bool HasAnyList(JsonElement root)
        => root.TryGetProperty("UserDetailList", out _) || root.TryGetProperty("GroupDetailList", out _)
        || root.TryGetProperty("RoleDetailList", out _) || root.TryGetProperty("Policies", out _);

    private static SnapshotReadResult Fail(SnapshotError error) => new(null, [error]);

    /// <summary>Maps JSON elements to the snapshot's records, collecting errors instead of throwing.</summary>
    private sealed class ElementReader(List<SnapshotError> errors)
    {
        public IamUser User(JsonElement e, string path) => new(
            RequiredString(e, "UserName", path),
            OptionalString(e, "UserId", path) ?? string.Empty,
            RequiredString(e, "Arn", path),
            OptionalString(e, "Path", path) ?? "/",
            List(e, "GroupList", path, StringItem),
            List(e, "UserPolicyList", path, Inline),
            List(e, "AttachedManagedPolicies", path, Attachment),
            Boundary(e, path),
            List(e, "Tags", path, Tag));

        public IamGroup Group(JsonElement e, string path) => new(
            RequiredString(e, "GroupName", path),
            OptionalString(e, "GroupId", path) ?? string.Empty,
            RequiredString(e, "Arn", path),
            OptionalString(e, "Path", path) ?? "/",
            List(e, "GroupPolicyList", path, Inline),
            List(e, "AttachedManagedPolicies", path, Attachment));

        public IamRole Role(JsonElement e, string path) => new(
            RequiredString(e, "RoleName", path),
            OptionalString(e, "RoleId", path) ?? string.Empty,
            RequiredString(e, "Arn", path),
            OptionalString(e, "Path", path) ?? "/",
            e.TryGetProperty("AssumeRolePolicyDocument", out var trust) ? Document(trust, $"{path}.AssumeRolePolicyDocument") : null,
            List(e, "RolePolicyList", path, Inline),
            List(e, "AttachedManagedPolicies", path, Attachment),
            Boundary(e, path),
            List(e, "Tags", path, Tag));

        public ManagedPolicy Policy(JsonElement e, string path) => new(
            RequiredString(e, "PolicyName", path),
            RequiredString(e, "Arn", path),
            OptionalString(e, "Path", path) ?? "/",
            OptionalString(e, "DefaultVersionId", path),
            List(e, "PolicyVersionList", path, Version));

        public ImmutableArray<T> List<T>(JsonElement parent, string name, string parentPath, Func<JsonElement, string, T> item)
        {
            var path = Join(parentPath, name);
            if (!parent.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
            {
                return [];
            }
            if (list.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new SnapshotError(path, $"expected an array, found {JsonKinds.Describe(list)}"));
                return [];
            }
            var builder = ImmutableArray.CreateBuilder<T>(list.GetArrayLength());
            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                var itemPath = $"{path}[{index++}]";
                if (typeof(T) != typeof(string) && element.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new SnapshotError(itemPath, $"expected an object, found {JsonKinds.Describe(element)}"));
                    continue;
                }
                builder.Add(item(element, itemPath));
            }
            return builder.DrainToImmutable();
        }

        private ManagedPolicyVersion Version(JsonElement e, string path) => new(
            OptionalString(e, "VersionId", path) ?? string.Empty,
            e.TryGetProperty("IsDefaultVersion", out var d) && d.ValueKind == JsonValueKind.True,
            e.TryGetProperty("Document", out var doc) ? Document(doc, $"{path}.Document") ?? "{}" : Missing(path, "Document"));

        private InlinePolicy Inline(JsonElement e, string path) => new(
            RequiredString(e, "PolicyName", path),
            e.TryGetProperty("PolicyDocument", out var doc) ? Document(doc, $"{path}.PolicyDocument") ?? "{}" : Missing(path, "PolicyDocument"));

        private PolicyAttachment Attachment(JsonElement e, string path)
            => new(OptionalString(e, "PolicyName", path) ?? string.Empty, RequiredString(e, "PolicyArn", path));

        private PolicyAttachment? Boundary(JsonElement e, string path)
        {
            if (!e.TryGetProperty("PermissionsBoundary", out var b) || b.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            var boundaryPath = $"{path}.PermissionsBoundary";
            var arn = RequiredString(b, "PermissionsBoundaryArn", boundaryPath);
            return new PolicyAttachment(arn[(arn.LastIndexOf('/') + 1)..], arn);
        }

        private IamTag Tag(JsonElement e, string path)
            => new(RequiredString(e, "Key", path), OptionalString(e, "Value", path) ?? string.Empty);

        private string StringItem(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.String)
            {
                return e.GetString()!;
            }
            errors.Add(new SnapshotError(path, $"expected a string, found {JsonKinds.Describe(e)}"));
            return string.Empty;
        }

        /// <summary>A policy document: a JSON object, or the API's URL-encoded JSON string.</summary>
        private string? Document(JsonElement e, string path)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    return e.GetRawText();
                case JsonValueKind.String:
                    var text = e.GetString()!;
                    // IAM returns documents percent-encoded (RFC 3986); an already decoded string starts with '{'.
                    return text.TrimStart().StartsWith('{') ? text : Uri.UnescapeDataString(text);
                case JsonValueKind.Null:
                    return null;
                default:
                    errors.Add(new SnapshotError(path, $"expected a policy document (an object or a URL-encoded string), found {JsonKinds.Describe(e)}"));
                    return null;
            }
        }

        private string RequiredString(JsonElement e, string name, string parentPath)
            => OptionalString(e, name, parentPath) ?? Missing(parentPath, name);

        private string? OptionalString(JsonElement e, string name, string parentPath)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
            errors.Add(new SnapshotError(Join(parentPath, name), $"expected a string, found {JsonKinds.Describe(value)}"));
            return string.Empty;
        }

        private string Missing(string parentPath, string name)
        {
            errors.Add(new SnapshotError(Join(parentPath, name), "required field is missing"));
            return string.Empty;
        }

        private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    }
}
