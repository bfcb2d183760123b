using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Drift.Records;
using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;

namespace Governance.Core.Drift;

/// <summary>Each principal's policies as a run saw them, and the access delta between two runs, decided by the engine.</summary>
/// <remarks>
/// The delta is <see cref="AccessDeltaCalculator"/>'s, per principal, between the policies of the earlier run and those
/// of this one, both decided as of this run's time. A principal whose policy texts are unchanged is skipped: the same
/// texts decide alike. A new principal gains all its access, a removed one loses it all.
/// </remarks>
internal static class AccessBaseline
{
    /// <summary>Every principal's identity policies and boundary in <paramref name="state"/>.</summary>
    public static ImmutableArray<BaselinePrincipal> Capture(AccountState state)
        => [.. state.Principals.Select(static p => new BaselinePrincipal(p.Arn,
            [.. p.IdentityPolicies.Select(static q => new BaselinePolicy(q.Name, q.Document))],
            p.PermissionsBoundary is { } b ? new BaselinePolicy(b.Name, b.Document) : null))];

    /// <summary>Per principal, what <paramref name="after"/> allows that <paramref name="before"/> did not, and the reverse.</summary>
    public static ImmutableArray<PrincipalAccessDelta> Compare(ImmutableArray<BaselinePrincipal> before, ImmutableArray<BaselinePrincipal> after, DateTimeOffset asOf)
    {
        var library = new PolicyLibrary();
        var assumptions = new AnalysisAssumptions(asOf);
        var earlier = before.DistinctBy(static p => p.Principal, StringComparer.Ordinal).ToDictionary(static p => p.Principal, StringComparer.Ordinal);
        var later = after.DistinctBy(static p => p.Principal, StringComparer.Ordinal).ToDictionary(static p => p.Principal, StringComparer.Ordinal);
        var result = new List<PrincipalAccessDelta>();
        foreach (var arn in earlier.Keys.Union(later.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var old = earlier.GetValueOrDefault(arn);
            var now = later.GetValueOrDefault(arn);
            if (old is not null && now is not null && SameTexts(old, now))
            {
                continue;
            }
            var delta = AccessDeltaCalculator.Compare(PolicySet(old, library), PolicySet(now, library), arn, assumptions);
            if (!delta.IsEmpty)
            {
                var change = old is null ? PrincipalChange.Added : now is null ? PrincipalChange.Removed : PrincipalChange.Changed;
                result.Add(new PrincipalAccessDelta(arn, change, AccessDeltaActions.Group(delta)));
            }
        }
        return [.. result];
    }

    private static bool SameTexts(BaselinePrincipal a, BaselinePrincipal b)
        => a.Policies.SequenceEqual(b.Policies) && Equals(a.Boundary, b.Boundary);

    /// <summary>An absent principal has no policies, so it is allowed nothing.</summary>
    private static PolicySet PolicySet(BaselinePrincipal? principal, PolicyLibrary library) => principal is null
        ? new PolicySet()
        : new PolicySet
        {
            IdentityPolicies = [.. principal.Policies.Select(p => library.Get(p.Name, p.Document))],
            PermissionsBoundary = principal.Boundary is { } b ? library.Get(b.Name, b.Document) : null,
        };
}
