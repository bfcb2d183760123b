using System.Collections.Immutable;
using System.Text.Json;

namespace Governance.Core.Accounts.Organization;

/// <summary>
/// Reads <c>organization.json</c>: the outputs of <c>aws organizations describe-organization</c>, <c>list-roots</c>,
/// <c>list-organizational-units-for-parent</c> and <c>list-accounts-for-parent</c> (each entry with its
/// <c>ParentId</c>), and <c>describe-policy</c> with <c>list-targets-for-policy</c> for each SCP and RCP; then checks
/// that the hierarchy holds together.
/// </summary>
internal static class OrganizationFileReader
{
    private const string ScpType = "SERVICE_CONTROL_POLICY";
    private const string RcpType = "RESOURCE_CONTROL_POLICY";

    // AWS organisations have one root; a few more are read so that the error can count them.
    private const int MaxRoots = 16;

    /// <summary>The file's content, or null when it has errors (reported to <paramref name="r"/>'s log).</summary>
    public static OrganizationFile? Read(JsonElement root, FieldReader r)
    {
        var limits = r.Limits;
        if (root.ValueKind != JsonValueKind.Object)
        {
            r.Log.Error(string.Empty, "organization.json is a JSON object with `Organization`, `Roots`, `OrganizationalUnits`, `Accounts` and `Policies`");
            return null;
        }

        OrganizationInfo? organization = null;
        if (r.Object(root, "Organization", string.Empty, required: true) is { } org)
        {
            var id = r.String(org, "Id", "Organization", required: true);
            var management = r.AccountId(org, "MasterAccountId", "Organization");
            if (id is not null && management is not null)
            {
                organization = new OrganizationInfo(id, r.String(org, "Arn", "Organization", required: false) ?? string.Empty, management);
            }
        }

        var ids = new Dictionary<string, (string Path, PolicyTargetType Kind)>(StringComparer.Ordinal);
        var roots = new List<OrganizationRoot>();
        var policyTypes = new List<(string Path, string Type, string Status)>();
        var sawPolicyTypes = false;
        foreach (var (item, path) in r.Objects(root, "Roots", string.Empty, required: true, max: MaxRoots))
        {
            var id = r.String(item, "Id", path, required: true);
            if (id is null || !Unique(id, path, PolicyTargetType.Root))
            {
                continue;
            }
            roots.Add(new OrganizationRoot(id, r.String(item, "Arn", path, required: false) ?? string.Empty,
                r.String(item, "Name", path, required: false) ?? "Root"));
            if (item.TryGetProperty("PolicyTypes", out var types) && types.ValueKind != JsonValueKind.Null)
            {
                sawPolicyTypes = true;
                foreach (var (type, typePath) in r.Objects(item, "PolicyTypes", path, required: false, max: 64))
                {
                    if (r.String(type, "Type", typePath, required: true) is { } name && r.String(type, "Status", typePath, required: true) is { } status)
                    {
                        policyTypes.Add((typePath, name, status));
                    }
                }
            }
        }
        if (roots.Count > 1)
        {
            r.Log.Error("Roots", $"{roots.Count} roots; an organisation has exactly one");
        }
        else if (root.TryGetProperty("Roots", out var listed) && listed.ValueKind == JsonValueKind.Array && listed.GetArrayLength() == 0)
        {
            r.Log.Error("Roots", "no root: `aws organizations list-roots` lists the organisation's one root");
        }

        var units = new List<(OrganizationalUnit Unit, string Path)>();
        foreach (var (item, path) in r.Objects(root, "OrganizationalUnits", string.Empty, required: false, max: limits.MaxOrganizationalUnits))
        {
            var id = r.String(item, "Id", path, required: true);
            var parent = r.String(item, "ParentId", path, required: true);
            if (id is not null && parent is not null && Unique(id, path, PolicyTargetType.OrganizationalUnit))
            {
                units.Add((new OrganizationalUnit(id, r.String(item, "Arn", path, required: false) ?? string.Empty,
                    r.String(item, "Name", path, required: false) ?? id, parent), path));
            }
        }

        var accounts = new List<(OrganizationAccount Account, string Path)>();
        foreach (var (item, path) in r.Objects(root, "Accounts", string.Empty, required: false, max: limits.MaxAccounts))
        {
            var id = r.AccountId(item, "Id", path);
            var parent = item.TryGetProperty("ParentId", out _)
                ? r.String(item, "ParentId", path, required: true)
                : Missing(JsonFile.Join(path, "ParentId"),
                    "required field is missing: give each account the id of the root or OU it sits in, as `aws organizations list-accounts-for-parent --parent-id ID` lists it");
            if (id is not null && parent is not null && Unique(id, path, PolicyTargetType.Account))
            {
                var status = r.String(item, "Status", path, required: false) ?? r.String(item, "State", path, required: false) ?? string.Empty;
                accounts.Add((new OrganizationAccount(id, r.String(item, "Arn", path, required: false) ?? string.Empty,
                    r.String(item, "Name", path, required: false) ?? id, status, parent), path));
            }
        }

        CheckHierarchy();
        var policies = ReadPolicies();
        if (organization is null || r.Log.ErrorCount > 0)
        {
            return null;
        }
        var scp = Enabled(ScpType, "SCPs", OrganizationPolicyType.ServiceControlPolicy);
        var rcp = Enabled(RcpType, "RCPs", OrganizationPolicyType.ResourceControlPolicy);
        return new OrganizationFile(organization, [.. roots], [.. units.Select(static u => u.Unit)], [.. accounts.Select(static a => a.Account)],
            policies, scp, rcp);

        bool Unique(string id, string path, PolicyTargetType kind)
        {
            if (ids.TryGetValue(id, out var first))
            {
                r.Log.Error(JsonFile.Join(path, "Id"), $"duplicate id `{id}`: `{first.Path}` has it too");
                return false;
            }
            ids[id] = (path, kind);
            return true;
        }

        string? Missing(string path, string message)
        {
            r.Log.Error(path, message);
            return null;
        }

        // Every parent is a root or an OU; following parents from any OU reaches the root within AWS's five levels.
        void CheckHierarchy()
        {
            var parents = units.ToDictionary(static u => u.Unit.Id, static u => u.Unit.ParentId, StringComparer.Ordinal);
            foreach (var (unit, path) in units)
            {
                if (!IsContainer(unit.ParentId, JsonFile.Join(path, "ParentId")))
                {
                    continue;
                }
                var depth = 1;
                var seen = new HashSet<string>(StringComparer.Ordinal) { unit.Id };
                for (var parent = unit.ParentId; parents.TryGetValue(parent, out var next); parent = next)
                {
                    if (!seen.Add(parent))
                    {
                        r.Log.Error(JsonFile.Join(path, "ParentId"), $"the OU `{unit.Id}` is inside itself: its parents lead back to `{parent}`");
                        depth = 0;
                        break;
                    }
                    depth++;
                }
                if (depth > limits.MaxOuDepth)
                {
                    r.Log.Error(JsonFile.Join(path, "ParentId"), $"the OU `{unit.Id}` is nested {depth} levels below the root; AWS allows {limits.MaxOuDepth}");
                }
            }
            foreach (var (account, path) in accounts)
            {
                IsContainer(account.ParentId, JsonFile.Join(path, "ParentId"));
            }
        }

        bool IsContainer(string id, string path)
        {
            if (ids.TryGetValue(id, out var parent) && parent.Kind != PolicyTargetType.Account)
            {
                return true;
            }
            r.Log.Error(path, parent.Path is null
                ? $"unknown parent `{id}`: no root or OU in this file has this id"
                : $"parent `{id}` is an account; an account or OU sits in a root or an OU");
            return false;
        }

        ImmutableArray<OrganizationPolicy> ReadPolicies()
        {
            var result = ImmutableArray.CreateBuilder<OrganizationPolicy>();
            var policyIds = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (entry, entryPath) in r.Objects(root, "Policies", string.Empty, required: false, max: limits.MaxPolicies))
            {
                // `aws organizations describe-policy` wraps the policy in `Policy`; accept it as printed.
                var (item, path) = !entry.TryGetProperty("PolicySummary", out _) && entry.TryGetProperty("Policy", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object
                    ? (wrapped, JsonFile.Join(entryPath, "Policy"))
                    : (entry, entryPath);
                if (r.Object(item, "PolicySummary", path, required: true) is not { } summary)
                {
                    continue;
                }
                var summaryPath = JsonFile.Join(path, "PolicySummary");
                var id = r.String(summary, "Id", summaryPath, required: true);
                var typeName = r.String(summary, "Type", summaryPath, required: true);
                if (id is null || typeName is null)
                {
                    continue;
                }
                OrganizationPolicyType type;
                switch (typeName)
                {
                    case ScpType:
                        type = OrganizationPolicyType.ServiceControlPolicy;
                        break;
                    case RcpType:
                        type = OrganizationPolicyType.ResourceControlPolicy;
                        break;
                    default:
                        r.Log.Warning(JsonFile.Join(summaryPath, "Type"), $"policy type `{typeName}` takes no part in authorization; the policy is ignored");
                        continue;
                }
                if (!policyIds.TryAdd(id, summaryPath))
                {
                    r.Log.Error(JsonFile.Join(summaryPath, "Id"), $"duplicate policy id `{id}`: `{policyIds[id]}` has it too");
                    continue;
                }
                var content = r.Policy(item, "Content", path, required: true);
                var targets = ImmutableArray.CreateBuilder<PolicyTarget>();
                // With the wrapper, `list-targets-for-policy`'s `Targets` sit beside `Policy`.
                var (holder, holderPath) = item.TryGetProperty("Targets", out _) ? (item, path) : (entry, entryPath);
                foreach (var (target, targetPath) in r.Objects(holder, "Targets", holderPath, required: false, max: limits.MaxAccounts + limits.MaxOrganizationalUnits + 1))
                {
                    if (Target(target, targetPath, organization?.ManagementAccountId) is { } t)
                    {
                        targets.Add(t);
                    }
                }
                if (content is not null)
                {
                    result.Add(new OrganizationPolicy(id, r.String(summary, "Arn", summaryPath, required: false) ?? string.Empty,
                        r.String(summary, "Name", summaryPath, required: false) ?? id, type, r.Bool(summary, "AwsManaged", summaryPath),
                        content, targets.DrainToImmutable()));
                }
            }
            return result.DrainToImmutable();
        }

        PolicyTarget? Target(JsonElement target, string path, string? managementAccountId)
        {
            var id = r.String(target, "TargetId", path, required: true);
            var typeName = r.String(target, "Type", path, required: true);
            if (id is null || typeName is null)
            {
                return null;
            }
            PolicyTargetType? type = typeName switch
            {
                "ROOT" => PolicyTargetType.Root,
                "ORGANIZATIONAL_UNIT" => PolicyTargetType.OrganizationalUnit,
                "ACCOUNT" => PolicyTargetType.Account,
                _ => null,
            };
            if (type is null)
            {
                r.Log.Error(JsonFile.Join(path, "Type"), $"unknown target type `{typeName}`: expected `ROOT`, `ORGANIZATIONAL_UNIT` or `ACCOUNT`");
                return null;
            }
            // The management account may be left out of `Accounts`; a policy may still name it.
            var known = ids.TryGetValue(id, out var entity)
                ? entity.Kind
                : string.Equals(id, managementAccountId, StringComparison.Ordinal) ? PolicyTargetType.Account : (PolicyTargetType?)null;
            if (known is null)
            {
                r.Log.Error(JsonFile.Join(path, "TargetId"), $"unknown target `{id}`: no root, OU or account in this file has this id");
                return null;
            }
            if (known != type)
            {
                r.Log.Error(JsonFile.Join(path, "Type"), $"target `{id}` is {Describe(known.Value)}, not `{typeName}`");
                return null;
            }
            return new PolicyTarget(id, type.Value);
        }

        // Roots list the policy types enabled in them; without that list, a type counts as enabled when policies of it are listed.
        bool Enabled(string typeName, string plural, OrganizationPolicyType type)
        {
            var listed = policies.Any(p => p.Type == type);
            if (!sawPolicyTypes)
            {
                return listed;
            }
            var entries = policyTypes.Where(t => t.Type == typeName).ToArray();
            foreach (var pending in entries.Where(static t => t.Status != "ENABLED"))
            {
                r.Log.Warning(JsonFile.Join(pending.Path, "Status"), $"the root's {plural} are `{pending.Status}`; they are taken as not enabled");
            }
            var enabled = entries.Any(static t => t.Status == "ENABLED");
            if (enabled && !listed && type == OrganizationPolicyType.ServiceControlPolicy)
            {
                r.Log.Warning("Policies", "the root enables SCPs but none is listed, so every request from a member account is denied: list them with `aws organizations list-policies --filter SERVICE_CONTROL_POLICY`");
            }
            if (!enabled && listed)
            {
                r.Log.Warning("Policies", $"the root does not enable {plural}; the {plural} listed are ignored");
            }
            return enabled;
        }
    }

    private static string Describe(PolicyTargetType kind) => kind switch
    {
        PolicyTargetType.Root => "the root",
        PolicyTargetType.OrganizationalUnit => "an OU",
        _ => "an account",
    };
}
