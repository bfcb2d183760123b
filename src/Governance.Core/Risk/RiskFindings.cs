using System.Collections.Immutable;
using PolicyEngine.Analysis;
using PolicyEngine.Catalog;

namespace Governance.Core.Risk;

/// <summary>The categories cloudsplaining reports beside escalation, read from a principal's effective access.</summary>
/// <remarks>
/// Only grants on every resource (<c>*</c>) count, as in cloudsplaining: a grant pinned to named resources is a
/// decision someone made. A category whose grants are all conditional drops one severity.
/// </remarks>
internal static class RiskFindings
{
    private const int MaxActionsListed = 25;

    public static IEnumerable<Finding> For(Subject subject, EffectiveAccess access)
    {
        var unconstrained = access.Actions
            .Select(static a => (a.Action, a.AccessLevel, Grants: a.Resources.Where(static r => r.Resource == "*").ToList()))
            .Where(static a => a.Grants.Count > 0)
            .ToList();
        var categories = new (FindingCategory Category, RiskSeverity Severity, string Title, Func<(string Action, AccessLevel Level), bool> Selects)[]
        {
            (FindingCategory.DataExfiltration, RiskSeverity.Medium, "reads secrets, parameters, keys or objects on every resource", a => RiskActions.DataExfiltration.Contains(a.Action)),
            (FindingCategory.CredentialsExposure, RiskSeverity.Medium, "creates or reads credentials", a => RiskActions.CredentialsExposure.Contains(a.Action)),
            (FindingCategory.ResourceExposure, RiskSeverity.Medium, "changes permissions or resource policies on every resource", a => a.Level == AccessLevel.PermissionsManagement),
            (FindingCategory.InfrastructureModification, RiskSeverity.Low, "changes infrastructure on every resource", a => a.Level is AccessLevel.Write or AccessLevel.Tagging),
        };
        foreach (var (category, severity, title, selects) in categories)
        {
            var hits = unconstrained.Where(a => selects((a.Action, a.AccessLevel))).ToList();
            if (hits.Count == 0)
            {
                continue;
            }
            var conditional = hits.All(static h => h.Grants.All(static g => !g.IsUnconditional));
            var keys = hits.SelectMany(static h => h.Grants.SelectMany(static g => g.ConditionKeys)).Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
            var evidence = hits.SelectMany(static h => h.Grants.SelectMany(static g => g.GrantedBy)).Distinct().Take(10)
                .Select(r => FindingEvidence.From(subject.Arn, r)).ToImmutableArray();
            var shown = hits.Count > MaxActionsListed ? $" ({hits.Count} actions, the first {MaxActionsListed} listed)" : string.Empty;
            yield return new Finding(category, conditional && severity > RiskSeverity.Low ? severity - 1 : severity,
                $"{hits.Count} action{(hits.Count == 1 ? "" : "s")} {title}{shown}", null,
                [.. hits.Take(MaxActionsListed).Select(static h => h.Action)], [subject.Arn], evidence, keys);
        }
    }
}
