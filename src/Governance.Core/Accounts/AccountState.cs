using System.Collections.Frozen;
using System.Collections.Immutable;
using PolicyEngine.Model;
using PolicyEngine.Text;

namespace Governance.Core.Accounts;

/// <summary>
/// The IAM state of one or more accounts, with each principal's policy inputs resolved as AWS resolves them.
/// </summary>
/// <remarks>Immutable and thread-safe once built.</remarks>
public sealed class AccountState
{
    private readonly FrozenDictionary<string, ManagedPolicy> _policiesByArn;
    private readonly ImmutableArray<ResolvedPrincipal> _principals;
    private readonly FrozenDictionary<string, ResolvedPrincipal> _byArn;

    /// <summary>Combines snapshots, one per account; a managed policy found in several is taken from the first.</summary>
    public AccountState(IEnumerable<AccountSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        Snapshots = [.. snapshots];
        _policiesByArn = Snapshots.SelectMany(static s => s.Policies)
            .DistinctBy(static p => p.Arn, StringComparer.Ordinal)
            .ToFrozenDictionary(static p => p.Arn, StringComparer.Ordinal);
        var unresolved = new List<UnresolvedPolicy>();
        _principals = [.. Snapshots.SelectMany(s => ResolveAll(s, unresolved))];
        _byArn = _principals.DistinctBy(static p => p.Arn, StringComparer.Ordinal).ToFrozenDictionary(static p => p.Arn, StringComparer.Ordinal);
        UnresolvedPolicies = [.. unresolved];
    }

    /// <summary>The snapshots this state was built from.</summary>
    public ImmutableArray<AccountSnapshot> Snapshots { get; }

    /// <summary>Every user and role, resolved.</summary>
    public ImmutableArray<ResolvedPrincipal> Principals => _principals;

    /// <summary>Managed policies that principals reference but no snapshot holds; such a policy is left out of the principal's inputs.</summary>
    public ImmutableArray<UnresolvedPolicy> UnresolvedPolicies { get; }

    /// <summary>True when a snapshot holds the user or role with exactly this ARN; a fast check, with no suggestions.</summary>
    public bool Holds(string principalArn)
    {
        ArgumentNullException.ThrowIfNull(principalArn);
        return _byArn.ContainsKey(principalArn);
    }

    /// <summary>
    /// The warnings of <see cref="UnresolvedPolicies"/> that concern <paramref name="principalArn"/> (a role session's ARN
    /// counts as its role's), or every warning when it is null: answers for that principal are computed without those policies.
    /// </summary>
    public ImmutableArray<string> WarningsFor(string? principalArn)
    {
        var arn = principalArn is null ? null : Find(principalArn).Principal?.Arn ?? principalArn;
        return [.. UnresolvedPolicies.Where(u => arn is null || string.Equals(u.PrincipalArn, arn, StringComparison.Ordinal)).Select(static u => u.Warning)];
    }

    /// <summary>The managed policy with <paramref name="arn"/>, if a snapshot holds it.</summary>
    public ManagedPolicy? FindPolicy(string arn) => _policiesByArn.GetValueOrDefault(arn);

    /// <summary>
    /// Finds a principal by ARN (an assumed-role session ARN names its role), by <c>role/NAME</c> or <c>user/NAME</c>,
    /// or by bare name when only one principal has it.
    /// </summary>
    public PrincipalLookup Find(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        name = name.Trim();
        if (name.StartsWith("arn:", StringComparison.Ordinal))
        {
            var arn = SessionToRoleArn(name);
            if (_byArn.TryGetValue(arn, out var byArn))
            {
                return Found(byArn);
            }
            // A session's ARN leaves out its role's path (assumed-role/glue-etl/…, for role/service-role/glue-etl); a role's
            // name is unique within its account whatever its path, so the account and name find it.
            if (!string.Equals(arn, name, StringComparison.Ordinal) && Arn.TryParse(arn, out var role)
                && _principals.FirstOrDefault(p => p.Kind == PrincipalKind.Role && p.AccountId == role.Account
                    && string.Equals(p.Name, role.Resource["role/".Length..], StringComparison.Ordinal)) is { } sessionRole)
            {
                return Found(sessionRole);
            }
            return NotFound(name, arn[(arn.LastIndexOf('/') + 1)..]);
        }
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        PrincipalKind? kind = slash < 0 ? null : name[..slash] switch
        {
            "role" => PrincipalKind.Role,
            "user" => PrincipalKind.User,
            _ => null,
        };
        if (slash >= 0 && kind is null)
        {
            return new PrincipalLookup(null, new PrincipalLookupError($"`{name}` is not a principal name; write `role/NAME`, `user/NAME`, NAME or an ARN", [], PrincipalLookupFailure.Malformed));
        }
        var shortName = slash < 0 ? name : name[(slash + 1)..];
        // `role/service-role/NAME` writes the path out, as the ARN's resource part does: it names exactly that principal.
        var withPath = shortName.Contains('/', StringComparison.Ordinal);
        var matches = _principals.Where(p => withPath
                ? Arn.TryParse(p.Arn, out var arn) && string.Equals(arn.Resource, name, StringComparison.Ordinal)
                : (kind is null || p.Kind == kind) && string.Equals(p.Name, shortName, StringComparison.Ordinal))
            .ToArray();
        shortName = withPath ? shortName[(shortName.LastIndexOf('/') + 1)..] : shortName;
        return matches.Length switch
        {
            1 => Found(matches[0]),
            0 => NotFound(name, shortName),
            _ => new PrincipalLookup(null, new PrincipalLookupError(
                $"`{name}` is ambiguous: {matches.Length} principals have that name", [.. matches.Select(static m => m.Arn)],
                PrincipalLookupFailure.Ambiguous)),
        };
    }

    private static PrincipalLookup Found(ResolvedPrincipal principal) => new(principal, null);

    private PrincipalLookup NotFound(string input, string shortName)
    {
        // Offer only names a typo away: a third of the name's length, at least two edits.
        var limit = Math.Max(2, shortName.Length / 3) + 1;
        var closest = _principals
            .Select(p => (p.Arn, Distance: Suggestions.Distance(shortName, p.Name, limit)))
            .Where(c => c.Distance < limit)
            .OrderBy(static c => c.Distance).ThenBy(static c => c.Arn, StringComparer.Ordinal)
            .Take(3)
            .Select(static c => c.Arn);
        return new PrincipalLookup(null, new PrincipalLookupError($"no user or role `{input}` in the loaded accounts", [.. closest]));
    }

    /// <summary><c>arn:aws:sts::ACCT:assumed-role/ROLE/SESSION</c> → <c>arn:aws:iam::ACCT:role/ROLE</c>; other ARNs unchanged.</summary>
    private static string SessionToRoleArn(string arn)
    {
        if (Arn.TryParse(arn, out var parsed) && parsed.Service == "sts" && parsed.Resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            var role = parsed.Resource.Split('/')[1];
            return $"arn:{parsed.Partition}:iam::{parsed.Account}:role/{role}";
        }
        return arn;
    }

    private IEnumerable<ResolvedPrincipal> ResolveAll(AccountSnapshot snapshot, List<UnresolvedPolicy> unresolved)
    {
        var groups = snapshot.Groups.ToDictionary(static g => g.GroupName, StringComparer.Ordinal);
        foreach (var user in snapshot.Users)
        {
            var policies = new List<PrincipalPolicy>();
            policies.AddRange(user.InlinePolicies.Select(static p => new PrincipalPolicy(p.PolicyName, PolicySource.Inline, p.Document)));
            policies.AddRange(Attached(user.Arn, user.AttachedPolicies, PolicySource.Attached, prefix: null, unresolved));
            foreach (var groupName in user.GroupNames)
            {
                if (!groups.TryGetValue(groupName, out var group))
                {
                    continue;
                }
                policies.AddRange(group.InlinePolicies.Select(p => new PrincipalPolicy($"group/{group.GroupName}/{p.PolicyName}", PolicySource.GroupInline, p.Document)));
                policies.AddRange(Attached(user.Arn, group.AttachedPolicies, PolicySource.GroupAttached, $"group/{group.GroupName}/", unresolved));
            }
            yield return new ResolvedPrincipal(PrincipalKind.User, user.UserName, user.Arn, AccountSnapshot.AccountOf(user.Arn), user.UserId,
                [.. policies], Boundary(user.Arn, user.PermissionsBoundary, unresolved), null, user.Tags, IsServiceLinked: false);
        }
        foreach (var role in snapshot.Roles)
        {
            var policies = role.InlinePolicies.Select(static p => new PrincipalPolicy(p.PolicyName, PolicySource.Inline, p.Document))
                .Concat(Attached(role.Arn, role.AttachedPolicies, PolicySource.Attached, prefix: null, unresolved));
            yield return new ResolvedPrincipal(PrincipalKind.Role, role.RoleName, role.Arn, AccountSnapshot.AccountOf(role.Arn), role.RoleId,
                [.. policies], Boundary(role.Arn, role.PermissionsBoundary, unresolved), role.TrustPolicy, role.Tags, role.IsServiceLinked);
        }
    }

    private List<PrincipalPolicy> Attached(string principalArn, IEnumerable<PolicyAttachment> attachments, PolicySource source, string? prefix, List<UnresolvedPolicy> unresolved)
    {
        var result = new List<PrincipalPolicy>();
        foreach (var attachment in attachments)
        {
            if (_policiesByArn.TryGetValue(attachment.PolicyArn, out var policy) && policy.DefaultVersion is { } version)
            {
                result.Add(new PrincipalPolicy(prefix + policy.PolicyName, source, version.Document, policy.Arn));
            }
            else
            {
                unresolved.Add(new UnresolvedPolicy(principalArn, attachment.PolicyArn));
            }
        }
        return result;
    }

    private PrincipalPolicy? Boundary(string principalArn, PolicyAttachment? boundary, List<UnresolvedPolicy> unresolved)
    {
        if (boundary is null)
        {
            return null;
        }
        var resolved = Attached(principalArn, [boundary], PolicySource.Attached, prefix: null, unresolved);
        return resolved.Count == 1 ? resolved[0] : null;
    }
}
