using System.Collections.Immutable;
using Governance.Core.Exclusions;

namespace Governance.Core.Risk;

/// <summary>The risk analysis of every principal (or the chosen ones) of an account state: what <c>iamgov audit</c> reports.</summary>
/// <param name="AsOf">The time requests were assumed to be made at.</param>
/// <param name="Principals">One entry per audited principal, in the state's order.</param>
public sealed record AccountRisks(DateTimeOffset AsOf, ImmutableArray<PrincipalRisks> Principals)
{
    /// <summary>
    /// Resources and guardrails with findings, from an organisation snapshot (<see cref="OrganizationAnalyzer"/>); empty
    /// for an account's IAM alone, which holds no resource policies.
    /// </summary>
    public ImmutableArray<ResourceRisks> Resources { get; init; } = [];

    /// <summary>What the analysis could not see and the reader should know, such as "resource policies unknown".</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>Findings an exclusions file hides (<see cref="RiskExclusions"/>): not in <see cref="Findings"/> or the totals, listed apart with their reason, approver and expiry.</summary>
    public ImmutableArray<ExcludedFinding> Excluded { get; init; } = [];

    /// <summary>The exclusions that expired or match no finding, to renew or remove.</summary>
    public ImmutableArray<ExclusionWarning> ExclusionWarnings { get; init; } = [];

    /// <summary>The whole role graph when <see cref="RiskAnalysisOptions.IncludeRoleGraph"/> asks for it; else null.</summary>
    public RoleGraph? RoleGraph { get; init; }

    /// <summary>The policy documents the audit read, which the HTML report shows behind each finding; not part of the JSON report.</summary>
    public PolicyDocuments Documents { get; init; } = PolicyDocuments.None;

    /// <summary>Every finding: every principal's, then every resource's and guardrail's.</summary>
    public IEnumerable<Finding> Findings => Principals.SelectMany(static p => p.Findings).Concat(Resources.SelectMany(static r => r.Findings));

    /// <summary>The number of findings per category and severity.</summary>
    public ImmutableSortedDictionary<(FindingCategory Category, RiskSeverity Severity), int> Totals
        => Findings.GroupBy(static f => (f.Category, f.Severity)).ToImmutableSortedDictionary(static g => g.Key, static g => g.Count());
}
