using PolicyEngine.Model;

namespace Governance.Core.Risk;

/// <summary>
/// Which roles' trust policies could possibly name a caller, so that <c>sts:AssumeRole</c> is decided by the engine only
/// for those and the audit stays linear in the number of principals.
/// </summary>
/// <remarks>
/// A trust policy can match a caller only through its ARN (or its role's session ARN), its account (root or bare id),
/// or <c>*</c>. A principal ARN names that one principal only (AWS does not expand wildcards inside it), so a trust that
/// names a role or user is a candidate for that caller alone, not for its whole account. An account-wide match still needs the caller's own policies to allow <c>sts:AssumeRole</c>, so those
/// roles are candidates only for callers whose policies may allow it. The engine then decides each candidate.
/// </remarks>
internal sealed class TrustIndex
{
    private readonly Dictionary<string, List<Subject>> _byArn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Subject>> _byAccount = new(StringComparer.Ordinal);
    private readonly List<Subject> _anyone = [];

    public TrustIndex(IEnumerable<Subject> roles)
    {
        foreach (var role in roles)
        {
            foreach (var statement in role.Trust!.Document?.Statements ?? [])
            {
                if (statement.Effect != Effect.Allow || statement.Principal is not { } principal)
                {
                    continue;
                }
                if (principal.IsNot || principal.IsWildcard)
                {
                    _anyone.Add(role);
                    continue;
                }
                foreach (var entry in principal.Entries.Where(static e => e.Type == PrincipalType.Aws))
                {
                    Index(role, entry.Value);
                }
            }
        }
    }

    public IEnumerable<Subject> Candidates(Subject caller, bool identityMayAllow)
    {
        IEnumerable<Subject> result = _anyone;
        if (_byArn.TryGetValue(caller.Arn, out var named))
        {
            result = result.Concat(named);
        }
        if (identityMayAllow && _byAccount.TryGetValue(caller.AccountId, out var account))
        {
            result = result.Concat(account);
        }
        // By reference: a subject's record equality would hash its whole principal.
        return result.Distinct(ReferenceEqualityComparer.Instance).Cast<Subject>();
    }

    private void Index(Subject role, string value)
    {
        if (value == "*")
        {
            _anyone.Add(role);
            return;
        }
        if (!Arn.TryParse(value, out var arn))
        {
            Add(_byAccount, value, role);
            return;
        }
        if (arn.Resource == "root")
        {
            Add(_byAccount, arn.Account, role);
        }
        else if (arn.Service == "sts" && arn.Resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            // A session of the role: the role, standing for its sessions, is the caller the audit models.
            Add(_byArn, $"arn:{arn.Partition}:iam::{arn.Account}:role/{arn.Resource.Split('/')[1]}", role);
        }
        else
        {
            // The engine matches any other principal ARN exactly (no wildcards inside it), so only that caller can be named.
            Add(_byArn, value, role);
        }
    }

    private static void Add(Dictionary<string, List<Subject>> index, string key, Subject role)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(role);
    }
}
