using System.Globalization;
using System.Text.Json.Nodes;

namespace Governance.Core.Infrastructure.Aws.Organizations;

/// <summary>
/// Reads the organisation from AWS Organizations into <c>organization.json</c>: <c>DescribeOrganization</c>,
/// <c>ListRoots</c>, then from each root down <c>ListOrganizationalUnitsForParent</c> and <c>ListAccountsForParent</c>
/// (each entry given the <c>ParentId</c> it was listed under), and each SCP and RCP with <c>ListPolicies</c>,
/// <c>DescribePolicy</c> and <c>ListTargetsForPolicy</c>.
/// </summary>
public static class OrganizationStructureReader
{
    /// <summary>The policy types that take part in authorization, as <c>ListPolicies</c>' filter names them.</summary>
    public static readonly IReadOnlyList<string> PolicyTypes = ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"];

    // AWS nests OUs at most five deep below the root; deeper answers are not an organisation's.
    private const int MaxDepth = 5;

    /// <summary>Reads the whole organisation, or the first call that failed.</summary>
    public static async Task<OrganizationsResult<OrganizationStructure>> ReadAsync(OrganizationsClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var described = await client.CallAsync("DescribeOrganization", [], cancellationToken).ConfigureAwait(false);
        if (!described.Success)
        {
            return new(null, described.Error);
        }
        if (described.Value["Organization"] is not JsonObject organization || JsonText.Of(organization["MasterAccountId"]) is not { } managementId)
        {
            return Invalid("DescribeOrganization", "the answer has no `Organization` with a `MasterAccountId`");
        }
        var roots = await client.ListAllAsync("ListRoots", [], "Roots", cancellationToken).ConfigureAwait(false);
        if (!roots.Success)
        {
            return new(null, roots.Error);
        }

        var units = new JsonArray();
        var accounts = new JsonArray();
        var members = new List<OrganizationMember>();
        // Breadth first from each root: (parent id, its depth below the root).
        var parents = new Queue<(string Id, int Depth)>(roots.Value.Select(static r => JsonText.Of(r["Id"])).OfType<string>().Select(static id => (id, 0)));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (parents.TryDequeue(out var parent))
        {
            if (!visited.Add(parent.Id))
            {
                continue;
            }
            var listedAccounts = await client.ListAllAsync("ListAccountsForParent", new JsonObject { ["ParentId"] = parent.Id }, "Accounts", cancellationToken)
                .ConfigureAwait(false);
            if (!listedAccounts.Success)
            {
                return new(null, listedAccounts.Error);
            }
            foreach (var account in listedAccounts.Value)
            {
                account["ParentId"] = parent.Id;
                WriteTimestamps(account);
                accounts.Add(account);
                if (JsonText.Of(account["Id"]) is { } id)
                {
                    members.Add(new OrganizationMember(id, JsonText.Of(account["Name"]) ?? id, JsonText.Of(account["Status"]) ?? JsonText.Of(account["State"]) ?? ""));
                }
            }
            if (parent.Depth == MaxDepth)
            {
                continue;
            }
            var listedUnits = await client.ListAllAsync("ListOrganizationalUnitsForParent", new JsonObject { ["ParentId"] = parent.Id },
                "OrganizationalUnits", cancellationToken).ConfigureAwait(false);
            if (!listedUnits.Success)
            {
                return new(null, listedUnits.Error);
            }
            foreach (var unit in listedUnits.Value)
            {
                unit["ParentId"] = parent.Id;
                units.Add(unit);
                if (JsonText.Of(unit["Id"]) is { } id)
                {
                    parents.Enqueue((id, parent.Depth + 1));
                }
            }
        }

        var policies = new JsonArray();
        foreach (var type in PolicyTypes.Where(t => EnabledInEveryRoot(roots.Value, t)))
        {
            var read = await ReadPoliciesAsync(client, type, policies, cancellationToken).ConfigureAwait(false);
            if (read is not null)
            {
                return new(null, read);
            }
        }

        var document = new JsonObject
        {
            ["Organization"] = organization.DeepClone(),
            ["Roots"] = new JsonArray([.. roots.Value]),
            ["OrganizationalUnits"] = units,
            ["Accounts"] = accounts,
            ["Policies"] = policies,
        };
        return new(new OrganizationStructure(document, managementId, members), null);
    }

    /// <summary>
    /// A type that a root does not enable is not listed: its policies would not apply, and <c>ListPolicies</c> may refuse
    /// (<c>PolicyTypeNotEnabledException</c>). A root without <c>PolicyTypes</c> tells nothing, so the type is listed.
    /// </summary>
    private static bool EnabledInEveryRoot(IReadOnlyList<JsonObject> roots, string type)
        => roots.All(root => root["PolicyTypes"] is not JsonArray types
            || types.OfType<JsonObject>().Any(t => JsonText.Of(t["Type"]) == type && JsonText.Of(t["Status"]) == "ENABLED"));

    private static async Task<AwsCallError?> ReadPoliciesAsync(OrganizationsClient client, string type, JsonArray into, CancellationToken cancellationToken)
    {
        var summaries = await client.ListAllAsync("ListPolicies", new JsonObject { ["Filter"] = type }, "Policies", cancellationToken).ConfigureAwait(false);
        if (!summaries.Success)
        {
            return summaries.Error;
        }
        foreach (var id in summaries.Value.Select(static s => JsonText.Of(s["Id"])).OfType<string>())
        {
            var described = await client.CallAsync("DescribePolicy", new JsonObject { ["PolicyId"] = id }, cancellationToken).ConfigureAwait(false);
            if (!described.Success)
            {
                return described.Error;
            }
            if (described.Value["Policy"] is not JsonObject policy || policy["PolicySummary"] is not JsonObject || JsonText.Of(policy["Content"]) is null)
            {
                return Invalid("DescribePolicy", $"the answer for `{id}` has no `Policy` with a `PolicySummary` and a `Content`").Error;
            }
            var targets = await client.ListAllAsync("ListTargetsForPolicy", new JsonObject { ["PolicyId"] = id }, "Targets", cancellationToken)
                .ConfigureAwait(false);
            if (!targets.Success)
            {
                return targets.Error;
            }
            into.Add(new JsonObject
            {
                ["PolicySummary"] = policy["PolicySummary"]!.DeepClone(),
                ["Content"] = policy["Content"]!.DeepClone(),
                ["Targets"] = new JsonArray([.. targets.Value]),
            });
        }
        return null;
    }

    /// <summary>The wire gives timestamps as epoch seconds; the AWS CLI prints them as ISO 8601, as the snapshot keeps them.</summary>
    private static void WriteTimestamps(JsonObject item)
    {
        foreach (var name in item.Select(static p => p.Key).Where(static k => k.EndsWith("Timestamp", StringComparison.Ordinal)).ToList())
        {
            if (item[name] is JsonValue value && value.TryGetValue<double>(out var seconds) && double.IsFinite(seconds)
                && seconds is > 0 and < 253402300799)
            {
                var at = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
                item[name] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
            }
        }
    }

    private static OrganizationsResult<OrganizationStructure> Invalid(string operation, string message)
        => new(null, new AwsCallError("Organizations", operation, "InvalidResponse", message));
}
