using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Drift.Records;
using Governance.Core.Policies;
using Governance.Core.Risk;
using Governance.Core.Workflow.Grants;
using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;

namespace Governance.Core.Drift;

/// <summary>Compares the intended state (roles as code plus grants) with an account state.</summary>
/// <remarks>
/// Pure: reads no clock and no files. Policies are compared by their decisions through
/// <see cref="AccessDeltaCalculator"/>, never by their text: reordered statements or an equivalent wildcard are not drift.
/// A managed role is compared four ways, each a <see cref="DriftKind.PolicyDrift"/> of its own with its evidence: its
/// identity policies and boundary by the requests they allow, its trust policy by who may assume it
/// (<see cref="TrustPolicyDrift"/>), its boundary itself (<see cref="BoundaryDrift"/>) and its tags (<see cref="TagDrift"/>).
/// Grant policies (<c>grant-&lt;id&gt;</c>) of known grants are judged by the grant findings, not as policy drift.
/// </remarks>
public static class DriftCalculator
{
    /// <summary>Every difference, ordered by principal and kind, as a first audit sees them (no previous report).</summary>
    /// <param name="desired">What the account should hold.</param>
    /// <param name="actual">What it holds.</param>
    /// <param name="asOf">When requests are assumed to be made (conditions on time), and what counts as ended.</param>
    public static ImmutableArray<DriftFinding> Compare(DesiredState desired, AccountState actual, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return Compare(desired, actual, asOf, AccountAnalyzer.Analyze(actual, new RiskAnalysisOptions(asOf)), previous: null);
    }

    /// <summary>Every difference; <see cref="DriftKind.NewRisk"/> against <paramref name="previous"/> when there is one (<see cref="NewRisks"/>).</summary>
    /// <param name="desired">What the account should hold.</param>
    /// <param name="actual">What it holds.</param>
    /// <param name="asOf">When requests are assumed to be made.</param>
    /// <param name="current">The account analysis of <paramref name="actual"/> as of <paramref name="asOf"/>.</param>
    /// <param name="previous">The previous run's report; null for a first audit.</param>
    /// <param name="shared">What the analysis of <paramref name="current"/> worked out, for the analysis of the account as code to reuse; null for none.</param>
    internal static ImmutableArray<DriftFinding> Compare(DesiredState desired, AccountState actual, DateTimeOffset asOf, AccountRisks current, DriftReport? previous, AccessResults? shared = null)
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
                findings.Add(new DriftFinding(DriftKind.MissingPrincipal, arn, RiskSeverity.Medium,
                    $"role `{role.Name}` is defined in code but not in the account"));
                continue;
            }
            var held = principal.IdentityPolicies.Where(p => !grantPolicyNames.Contains(p.Name)).ToList();
            var (intendedTexts, intendedBoundary) = IntendedTexts(role, actual);
            var delta = SameDocuments(intendedTexts, [.. held.Select(static p => p.Document)])
                && SameDocuments(intendedBoundary is null ? [] : [intendedBoundary], principal.PermissionsBoundary is { } pb ? [pb.Document] : [])
                ? null // the same documents decide alike: most roles of an account as code, and no engine call for them
                : AccessDeltaCalculator.Compare(Intended(role, actual, library), new PolicySet
                {
                    IdentityPolicies = [.. held.Select(p => library.Get(p.Name, p.Document))],
                    PermissionsBoundary = principal.PermissionsBoundary is { } b ? library.Get(b.Name, b.Document) : null,
                }, arn, assumptions);
            if (delta is { IsEmpty: false })
            {
                findings.Add(new DriftFinding(DriftKind.PolicyDrift, arn, delta.Added.Any() ? RiskSeverity.High : RiskSeverity.Medium,
                    "policies differ from code in what they allow: " + AccessDeltaActions.Describe(delta)));
            }
            var account = roles[arn];
            findings.AddRange(new[]
            {
                TrustPolicyDrift.Compare(arn, role.TrustPolicy, account.TrustPolicy, library, assumptions),
                BoundaryDrift.Compare(arn, role.PermissionsBoundary, account.PermissionsBoundary?.PolicyArn, actual, library, assumptions),
                TagDrift.Compare(arn, role.Tags, account.Tags),
            }.OfType<DriftFinding>());
        }

        foreach (var (arn, role) in roles)
        {
            if (!managed.Contains(arn) && !role.IsServiceLinked)
            {
                findings.Add(new DriftFinding(DriftKind.UnmanagedPrincipal, arn, RiskSeverity.Medium,
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
                    findings.Add(new DriftFinding(DriftKind.GrantMissing, grant.TargetRoleArn, RiskSeverity.Medium,
                        $"active grant `{grant.Id}` ({grant.PermissionSet}, until {grant.EndsAt:O}) has no inline policy `{grant.PolicyName}` on the role"));
                    break;
                case GrantStatus.Revoked or GrantStatus.Expired when present:
                    // A revoked grant's policy still allows until its window ends; an expired one's condition has ended it.
                    var live = grant.EndsAt > asOf;
                    findings.Add(new DriftFinding(DriftKind.StaleGrant, grant.TargetRoleArn, live ? RiskSeverity.High : RiskSeverity.Low,
                        $"{grant.Status.ToString().ToLowerInvariant()} grant `{grant.Id}` ({grant.PermissionSet}) still has inline policy `{grant.PolicyName}` on the role"
                        + (live ? $"; it allows until {grant.EndsAt:O}" : "; its time condition has ended it")));
                    break;
                default:
                    break;
            }
        }

        findings.AddRange(previous is null
            ? NewRisks.AgainstCode(desired, actual, current, asOf, accountId, shared)
            : NewRisks.Since(NewRisks.Of(current), previous));
        return [.. findings.OrderBy(static f => f.Principal, StringComparer.Ordinal).ThenBy(static f => f.Kind)];
    }

    /// <summary>The documents of <see cref="Intended"/>: its identity policies, and its boundary's (null for none).</summary>
    private static (List<string> Identity, string? Boundary) IntendedTexts(RoleDefinition role, AccountState actual)
    {
        var texts = role.InlinePolicies.Select(static p => p.Document)
            .Concat(role.AttachedPolicies.Select(actual.FindPolicy).Where(static p => p?.DefaultVersion is not null).Select(static p => p!.DefaultVersion!.Document))
            .ToList();
        return (texts, role.PermissionsBoundary is { } arn && actual.FindPolicy(arn) is { DefaultVersion: { } version } ? version.Document : null);
    }

    /// <summary>Whether both lists hold the same JSON documents, in any order (a sufficient test: documents alike decide alike).</summary>
    private static bool SameDocuments(List<string> intended, List<string> present)
    {
        if (intended.Count != present.Count)
        {
            return false;
        }
        var unmatched = new List<string>(present);
        foreach (var text in intended)
        {
            var match = unmatched.FindIndex(p => string.Equals(p, text, StringComparison.Ordinal) || SameJson.Documents(p, text));
            if (match < 0)
            {
                return false;
            }
            unmatched.RemoveAt(match);
        }
        return true;
    }

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
}
