using System.Collections.Immutable;
using System.Text.Json;
using Governance.Core.Accounts;
using Governance.Core.Policies.PermissionSets;
using PolicyEngine.Diagnostics;
using PolicyEngine.Evaluation;
using PolicyEngine.Syntax;

namespace Governance.Core.Drift;

/// <summary>Reads <c>policies/roles/*.json</c>; nothing throws for bad input.</summary>
public static class RoleDefinitionLoader
{
    private static readonly string[] Fields =
        ["name", "path", "description", "trustPolicy", "inlinePolicies", "attachedPolicies", "permissionsBoundary", "tags"];

    /// <summary>A key given twice is refused: which of the two a reviewer approved cannot be told.</summary>
    private static readonly JsonTextRules Rules = new(MaxDepth: 64, AllowComments: true, RefuseDuplicateKeys: true);

    /// <summary>Reads every <c>*.json</c> file in <paramref name="directory"/>; a missing folder holds no roles.</summary>
    public static (ImmutableArray<RoleDefinition> Roles, ImmutableArray<PolicyFileError> Errors) LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var roles = ImmutableArray.CreateBuilder<RoleDefinition>();
        var errors = new List<PolicyFileError>();
        if (!Directory.Exists(directory))
        {
            return ([], []);
        }
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var file = System.IO.Path.GetFileName(path);
            if (!PolicyFileText.TryRead(path, file, out var text, out var unreadable))
            {
                errors.Add(unreadable);
                continue;
            }
            if (Read(file, text, errors) is { } role)
            {
                if (CheckFileName(role, file) is { } misnamed)
                {
                    errors.Add(misnamed);
                }
                else
                {
                    roles.Add(role);
                }
            }
        }
        return (roles.ToImmutable(), [.. errors]);
    }

    /// <summary>The error when <paramref name="role"/> is not in the file its name says (<c>NAME.json</c>), else null.</summary>
    public static PolicyFileError? CheckFileName(RoleDefinition role, string file)
    {
        ArgumentNullException.ThrowIfNull(role);
        return string.Equals(role.Name + ".json", file, StringComparison.Ordinal)
            ? null
            : new PolicyFileError(file, "name", $"role `{role.Name}` must be in `{role.Name}.json`");
    }

    /// <summary>Reads one file; null (with errors added) when it is invalid.</summary>
    public static RoleDefinition? Read(string file, string json, List<PolicyFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        if (!JsonTextCheck.TryParse(json, Rules, out var document, out var problem))
        {
            errors.Add(PolicyFileError.Unreadable(file, problem));
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new PolicyFileError(file, string.Empty, "a role definition is a JSON object"));
                return null;
            }
            foreach (var unknown in root.EnumerateObject().Where(static p => !Fields.Contains(p.Name, StringComparer.Ordinal)))
            {
                errors.Add(new PolicyFileError(file, unknown.Name, $"unknown field `{unknown.Name}`; the fields are {string.Join(", ", Fields.Select(static f => $"`{f}`"))}"));
            }
            var name = String(root, "name", file, errors, required: true);
            var path = String(root, "path", file, errors, required: false) ?? "/";
            if (!path.StartsWith('/') || !path.EndsWith('/'))
            {
                errors.Add(new PolicyFileError(file, "path", $"path `{path}` must start and end with `/`"));
            }
            var trust = Document(root, "trustPolicy", file, errors, required: true);
            var inline = ImmutableArray.CreateBuilder<InlinePolicy>();
            if (root.TryGetProperty("inlinePolicies", out var inlines))
            {
                if (inlines.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new PolicyFileError(file, "inlinePolicies", "`inlinePolicies` maps policy names to policy documents"));
                }
                else
                {
                    inline.AddRange(inlines.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Object
                        ? new InlinePolicy(p.Name, p.Value.GetRawText())
                        : null).OfType<InlinePolicy>());
                }
            }
            CheckPolicy(file, "trustPolicy", trust, errors);
            foreach (var policy in inline)
            {
                CheckPolicy(file, $"inlinePolicies.{policy.PolicyName}", policy.Document, errors);
            }
            var attached = Strings(root, "attachedPolicies", file, errors);
            var boundary = String(root, "permissionsBoundary", file, errors, required: false);
            var tags = ImmutableArray.CreateBuilder<IamTag>();
            if (root.TryGetProperty("tags", out var tagObject) && tagObject.ValueKind == JsonValueKind.Object)
            {
                tags.AddRange(tagObject.EnumerateObject().Select(static t => new IamTag(t.Name, t.Value.ToString())));
            }
            return errors.Count > before || name is null || trust is null
                ? null
                : new RoleDefinition(name, path, trust, inline.ToImmutable(), attached, boundary, tags.ToImmutable());
        }
    }

    /// <summary>A policy the engine cannot read would make every comparison with it meaningless: refuse it here.</summary>
    private static void CheckPolicy(string file, string field, string? document, List<PolicyFileError> errors)
    {
        if (document is null)
        {
            return;
        }
        var parsed = NamedPolicy.Parse(field, document);
        foreach (var diagnostic in parsed.Diagnostics.Where(static d => d.Severity == Severity.Error))
        {
            errors.Add(new PolicyFileError(file, field, $"{diagnostic.Code} {diagnostic.Message}"));
        }
        if (parsed.Document is null && !parsed.Diagnostics.Any(static d => d.Severity == Severity.Error))
        {
            errors.Add(new PolicyFileError(file, field, "not a policy document"));
        }
    }

    private static string? String(JsonElement root, string field, string file, List<PolicyFileError> errors, bool required)
    {
        if (!root.TryGetProperty(field, out var value))
        {
            if (required)
            {
                errors.Add(new PolicyFileError(file, field, $"`{field}` is required"));
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new PolicyFileError(file, field, $"`{field}` must be a string"));
            return null;
        }
        return value.GetString();
    }

    private static string? Document(JsonElement root, string field, string file, List<PolicyFileError> errors, bool required)
    {
        if (!root.TryGetProperty(field, out var value))
        {
            if (required)
            {
                errors.Add(new PolicyFileError(file, field, $"`{field}` is required"));
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new PolicyFileError(file, field, $"`{field}` must be a policy document (a JSON object)"));
            return null;
        }
        return value.GetRawText();
    }

    private static ImmutableArray<string> Strings(JsonElement root, string field, string file, List<PolicyFileError> errors)
    {
        if (!root.TryGetProperty(field, out var value))
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(static v => v.ValueKind != JsonValueKind.String))
        {
            errors.Add(new PolicyFileError(file, field, $"`{field}` must be a list of ARNs"));
            return [];
        }
        return [.. value.EnumerateArray().Select(static v => v.GetString()!)];
    }
}
