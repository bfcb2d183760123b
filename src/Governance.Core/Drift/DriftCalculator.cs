using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Analysis;
using Governance.Core.Grants;
using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;

namespace Governance.Core.Drift;

/// <summary>Compares the intended state (roles as code plus grants) with an account state.</summary>
/// <remarks>
/// Pure: reads no clock and no files. Policies are compared by their decisions through
/// <see cref="AccessDeltaCalculator"/>, never by their text: reordered statements or an equivalent wildcard are not drift.
/// Grant policies (<c>grant-&lt;id&gt;</c>) of known grants are judged by the grant findings, not as policy drift.
/// </remarks>
public static class DriftCalculator
{
    private const int ChangesInDetail = 5;

    /// <summary>Every difference, ordered by principal and kind.</summary>
    /// <param name="desired">What the account should hold.</param>
    /// <param name="actual">What it holds.</param>
    /// <param name="asOf">When requests are assumed to be made (conditions on time), and what counts as ended.</param>
    public static ImmutableArray<DriftFinding> Compare(DesiredState desired, AccountState actual, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        var findings = new List<DriftFinding>();
        var roles = actual.Snapshots.SelectMany(static s => s.Roles).ToDictionary(static r => r.Arn, StringComparer.Ordinal);
        var principals = actual.Principals.Where(static p => p.Kind == PrincipalKind.Role).ToDictionary(static p => p.Arn, StringComparer.Ordinal);
        var accountId = actual.Snapshots.SelectMany(static s => s.AccountIds).FirstOrDefault() ?? string.Empty;
        var grantPolicyNames = desired.Grants.Select(static g => g.PolicyName).ToHashSet(StringComparer.Ordinal);
        var library = new PolicyLibrary();
        var assumptions = new AnalysisAssumptions(asOf);

        var managed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in desired.Roles)
        {
            var arn = role.ArnIn(accountId);
            managed.Add(arn);
            if (!principals.TryGetValue(arn, out var principal))
            {
                findings.Add(new DriftFinding(DriftKind.MissingPrincipal, arn, FindingSeverity.Medium,
                    $"role `{role.Name}` is defined in code but not in the account"));
                continue;
            }
            var intended = Intended(role, actual, library);
            var present = new PolicySet
            {
                IdentityPolicies = [.. principal.IdentityPolicies.Where(p => !grantPolicyNames.Contains(p.Name)).Select(p => library.Get(p.Name, p.Document))],
                PermissionsBoundary = principal.PermissionsBoundary is { } b ? library.Get(b.Name, b.Document) : null,
            };
            var delta = AccessDeltaCalculator.Compare(intended, present, arn, assumptions);
            if (!delta.IsEmpty)
            {
                var added = delta.Added.Any();
                findings.Add(new DriftFinding(DriftKind.PolicyDrift, arn, added ? FindingSeverity.High : FindingSeverity.Medium, Describe(delta)));
            }
        }

        foreach (var (arn, role) in roles)
        {
            if (!managed.Contains(arn) && !role.IsServiceLinked)
            {
                findings.Add(new DriftFinding(DriftKind.UnmanagedPrincipal, arn, FindingSeverity.Medium,
                    $"role `{role.RoleName}` is in the account but no code in roles/ manages it"));
            }
        }

        foreach (var grant in desired.Grants)
        {
            var present = roles.TryGetValue(grant.TargetRoleArn, out var role)
                && role.InlinePolicies.Any(p => string.Equals(p.PolicyName, grant.PolicyName, StringComparison.Ordinal));
            switch (grant.Status)
            {
                case GrantStatus.Active when !present && grant.EndsAt > asOf:
                    findings.Add(new DriftFinding(DriftKind.GrantMissing, grant.TargetRoleArn, FindingSeverity.Medium,
                        $"active grant `{grant.Id}` ({grant.PermissionSet}, until {grant.EndsAt:O}) has no inline policy `{grant.PolicyName}` on the role"));
                    break;
                case GrantStatus.Revoked or GrantStatus.Expired when present:
                    // A revoked grant's policy still allows until its window ends; an expired one's condition has ended it.
                    var live = grant.EndsAt > asOf;
                    findings.Add(new DriftFinding(DriftKind.StaleGrant, grant.TargetRoleArn, live ? FindingSeverity.High : FindingSeverity.Low,
                        $"{grant.Status.ToString().ToLowerInvariant()} grant `{grant.Id}` ({grant.PermissionSet}) still has inline policy `{grant.PolicyName}` on the role"
                        + (live ? $"; it allows until {grant.EndsAt:O}" : "; its time condition has ended it")));
                    break;
                default:
                    break;
            }
        }

        findings.AddRange(NewRisks(desired, actual, asOf, accountId));
        return [.. findings.OrderBy(static f => f.Principal, StringComparer.Ordinal).ThenBy(static f => f.Kind)];
    }

    /// <summary>
    /// Risk findings the account has and the intended account would not: the account as it is, against the same
    /// account with every managed role as code says (plus its active grants) and no unmanaged roles.
    /// </summary>
    private static IEnumerable<DriftFinding> NewRisks(DesiredState desired, AccountState actual, DateTimeOffset asOf, string accountId)
    {
        var definitions = desired.Roles.ToDictionary(r => r.ArnIn(accountId), StringComparer.Ordinal);
        var activeGrants = desired.Grants.Where(g => g.Status == GrantStatus.Active && g.EndsAt > asOf).ToLookup(static g => g.TargetRoleArn, StringComparer.Ordinal);
        var intended = new AccountState(actual.Snapshots.Select(s => s with
        {
            Roles = [.. s.Roles.Where(r => r.IsServiceLinked || definitions.ContainsKey(r.Arn))
                .Select(r => r.IsServiceLinked ? r : AsCode(r, definitions[r.Arn], activeGrants[r.Arn], actual))],
        }));
        var options = new AuditOptions(asOf);
        var before = AccountAnalyzer.Analyze(intended, options).Principals
            .SelectMany(static p => p.Findings.Select(f => (p.Arn, f.Category, f.Title)))
            .ToHashSet();
        foreach (var principal in AccountAnalyzer.Analyze(actual, options).Principals)
        {
            foreach (var finding in principal.Findings.Where(f => !before.Contains((principal.Arn, f.Category, f.Title))))
            {
                yield return new DriftFinding(DriftKind.NewRisk, principal.Arn, finding.Severity,
                    $"{finding.Category}: {finding.Title}; code does not give this risk");
            }
        }
    }

    private static IamRole AsCode(IamRole actual, RoleDefinition role, IEnumerable<Grant> grants, AccountState state)
        => actual with
        {
            TrustPolicy = role.TrustPolicy,
            InlinePolicies = [.. role.InlinePolicies, .. grants.Select(static g => new InlinePolicy(g.PolicyName, g.PolicyDocument))],
            AttachedPolicies = [.. role.AttachedPolicies.Select(arn => new PolicyAttachment(state.FindPolicy(arn)?.PolicyName ?? arn, arn))],
            PermissionsBoundary = role.PermissionsBoundary is { } b ? new PolicyAttachment(state.FindPolicy(b)?.PolicyName ?? b, b) : null,
            Tags = role.Tags,
        };

    private static PolicySet Intended(RoleDefinition role, AccountState actual, PolicyLibrary library)
    {
        var inline = role.InlinePolicies.Select(p => library.Get(p.PolicyName, p.Document));
        var attached = role.AttachedPolicies
            .Select(actual.FindPolicy)
            .Where(static p => p?.DefaultVersion is not null)
            .Select(p => library.Get(p!.PolicyName, p.DefaultVersion!.Document));
        var boundary = role.PermissionsBoundary is { } arn && actual.FindPolicy(arn) is { DefaultVersion: { } version } policy
            ? library.Get(policy.PolicyName, version.Document)
            : null;
        return new PolicySet { IdentityPolicies = [.. inline.Concat(attached)], PermissionsBoundary = boundary };
    }

    private static string Describe(AccessDelta delta)
    {
        var changes = delta.Changes.Take(ChangesInDetail)
            .Select(static c => $"{c.Kind.ToString().ToLowerInvariant()} {c.Action} on {c.Resource}");
        var more = delta.Changes.Length > ChangesInDetail ? $" and {delta.Changes.Length - ChangesInDetail} more" : string.Empty;
        return "policies differ from code in what they allow: " + string.Join("; ", changes) + more;
    }
}
