using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Governance.Core.Infrastructure.Aws.Iam;

namespace Governance.Core.Infrastructure.Aws.Snapshot;

/// <summary>
/// Turns the XML pages of <c>GetAccountAuthorizationDetails</c> into the JSON that
/// <c>aws iam get-account-authorization-details</c> prints: the four lists of every page joined, <c>member</c> lists as
/// arrays, policy documents URL-decoded into JSON objects, booleans and counts as JSON values, dates as the CLI prints them.
/// </summary>
public static class AuthorizationDetailsJson
{
    private static readonly string[] TopLists = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"];

    // Elements that are lists even when empty (<GroupPolicyList/>), where no member child tells.
    private static readonly HashSet<string> Lists = new(StringComparer.Ordinal)
    {
        "UserDetailList", "GroupDetailList", "RoleDetailList", "Policies", "GroupList", "UserPolicyList", "GroupPolicyList",
        "RolePolicyList", "AttachedManagedPolicies", "InstanceProfileList", "Roles", "PolicyVersionList", "Tags",
    };

    private static readonly HashSet<string> Documents = new(StringComparer.Ordinal) { "PolicyDocument", "AssumeRolePolicyDocument", "Document" };
    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal) { "IsDefaultVersion", "IsAttachable" };
    private static readonly HashSet<string> Integers = new(StringComparer.Ordinal) { "AttachmentCount", "PermissionsBoundaryUsageCount" };

    /// <summary>Joins and converts the pages' <c>GetAccountAuthorizationDetailsResult</c> elements.</summary>
    /// <returns>The snapshot, and every document that could not be read, named by its JSON path (the snapshot keeps it as text).</returns>
    public static (JsonObject Snapshot, IReadOnlyList<string> Errors) FromPages(IEnumerable<XElement> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var errors = new List<string>();
        var lists = TopLists.ToDictionary(static n => n, static _ => new JsonArray(), StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var name in TopLists)
            {
                foreach (var member in Members(page.Child(name)))
                {
                    var list = lists[name];
                    list.Add(Value(member, $"{name}[{list.Count}]", errors));
                }
            }
        }
        var snapshot = new JsonObject();
        foreach (var name in TopLists)
        {
            snapshot[name] = lists[name];
        }
        return (snapshot, errors);
    }

    private static IEnumerable<XElement> Members(XElement list) => list.Elements().Where(static e => e.Name.LocalName == "member");

    private static JsonNode Value(XElement element, string path, List<string> errors)
    {
        if (!element.HasElements)
        {
            return JsonValue.Create(element.Value.Trim());
        }
        var result = new JsonObject();
        foreach (var child in element.Elements())
        {
            var name = child.Name.LocalName;
            var childPath = $"{path}.{name}";
            result[name] = Lists.Contains(name) || Members(child).Any()
                ? new JsonArray([.. Members(child).Select((m, i) => Value(m, $"{childPath}[{i}]", errors))])
                : child.HasElements ? Value(child, childPath, errors) : Leaf(name, child.Value.Trim(), childPath, errors);
        }
        return result;
    }

    private static JsonNode? Leaf(string name, string text, string path, List<string> errors)
    {
        if (Documents.Contains(name))
        {
            var decoded = PolicyDocuments.Decode(text);
            try
            {
                return JsonNode.Parse(decoded) ?? JsonValue.Create(decoded);
            }
            catch (JsonException e)
            {
                errors.Add($"{path}: the policy document is not JSON after URL-decoding: {e.Message}");
                return JsonValue.Create(decoded);
            }
        }
        if (Booleans.Contains(name) && bool.TryParse(text, out var flag))
        {
            return JsonValue.Create(flag);
        }
        if (Integers.Contains(name) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return JsonValue.Create(count);
        }
        if (name.EndsWith("Date", StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            // The CLI prints ISO 8601 with an explicit offset: 2014-07-30T17:09:20+00:00.
            return JsonValue.Create(date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture));
        }
        return JsonValue.Create(text);
    }
}
