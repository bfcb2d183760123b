using PolicyEngine.Evaluation;
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
    private readonly HashSet<NamedPolicy> _namesCallers = new(ReferenceEqualityComparer.Instance);

    public TrustIndex(IEnumerable<Subject> roles)
    {
        foreach (var role in roles)
        {
            foreach (var statement in role.Trust!.Document?.Statements ?? [])
            {
                if (statement.Principal is not { } principal)
                {
                    continue;
                }
                if (NamesCallers(principal))
                {
                    _namesCallers.Add(role.Trust);
                }
                if (statement.Effect != Effect.Allow)
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

    /// <summary>
    /// Whether <paramref name="trust"/> names no caller of its own (only accounts, <c>*</c> or services, and no
    /// NotPrincipal): it then treats every caller of an account alike, and callers with the same policies may share its verdicts.
    /// </summary>
    public bool IsCallerNeutral(NamedPolicy trust) => !_namesCallers.Contains(trust);

    /// <summary>Whether a Principal or NotPrincipal (of an Allow or a Deny) names a user, role or session rather than accounts or everyone.</summary>
    private static bool NamesCallers(PrincipalSpec principal)
        => principal.IsNot || principal.Entries.Any(static e => e.Type == PrincipalType.Aws && e.Value != "*"
            && Arn.TryParse(e.Value, out var arn) && arn.Resource != "root");

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
