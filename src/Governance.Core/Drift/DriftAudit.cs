using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using Governance.Core.Drift.Guardrails;
using Governance.Core.Drift.Records;
using Governance.Core.Risk;

namespace Governance.Core.Drift;

/// <summary>One run of the drift audit, the same for the nightly job and <c>iamgov drift</c>: findings, access delta and baseline.</summary>
/// <remarks>Pure: the time, the id and the previous report come from the caller. The account is analysed once.</remarks>
public static class DriftAudit
{
    /// <summary>Audits <paramref name="actual"/> against <paramref name="desired"/>, and against <paramref name="previous"/> when there is one.</summary>
    /// <param name="id">The new report's id.</param>
    /// <param name="desired">The roles as code and the grants.</param>
    /// <param name="actual">The account.</param>
    /// <param name="asOf">When it runs: the requests' assumed time.</param>
    /// <param name="previous">The last stored report; null for a first audit.</param>
    public static DriftReport Run(Guid id, DesiredState desired, AccountState actual, DateTimeOffset asOf, DriftReport? previous)
        => Run(id, desired, actual, asOf, previous, organization: null);

    /// <summary>
    /// Audits <paramref name="actual"/> against <paramref name="desired"/> as <see cref="Run(Guid, DesiredState, AccountState, DateTimeOffset, DriftReport?)"/>
    /// does, and the organisation's SCPs and RCPs against <see cref="DesiredState.Guardrails"/> when <paramref name="organization"/> is given
    /// (<see cref="GuardrailDrift"/>), its findings following the principals'; the organisation's resource-side risks
    /// (<see cref="OrganizationAnalyzer.AnalyzeResources"/>) then count as risks too.
    /// </summary>
    /// <param name="id">The new report's id.</param>
    /// <param name="desired">The roles and guardrails as code, and the grants.</param>
    /// <param name="actual">The account (or the member accounts' IAM).</param>
    /// <param name="asOf">When it runs: the requests' assumed time.</param>
    /// <param name="previous">The last stored report; null for a first audit.</param>
    /// <param name="organization">The organisation whose guardrails are compared; null to compare none.</param>
    public static DriftReport Run(Guid id, DesiredState desired, AccountState actual, DateTimeOffset asOf, DriftReport? previous, OrganizationSnapshot? organization)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        // The account as code, analysed on a first run, holds mostly the same documents: the second analysis reuses the first's.
        var shared = new AccessResults(asOf);
        var current = AccountAnalyzer.Analyze(actual, new RiskAnalysisOptions(asOf), shared);
        if (organization is not null)
        {
            // The resource side's risks (outside exposure, guardrails that do not hold) are risks like the principals':
            // reported as NewRisk when they appear, and kept in the baseline.
            current = current with { Resources = OrganizationAnalyzer.AnalyzeResources(organization, current, asOf) };
        }
        var findings = DriftCalculator.Compare(desired, actual, asOf, current, previous, shared);
        if (organization is not null && desired.Guardrails is { } guardrails)
        {
            findings = findings.AddRange(GuardrailDrift.Compare(guardrails, organization, asOf));
        }
        var baseline = new DriftBaseline(NewRisks.Of(current), AccessBaseline.Capture(actual));
        return new DriftReport(id, asOf, findings,
            previous is null ? null : new PreviousAudit(previous.Id, previous.RanAt),
            previous is null ? [] : AccessBaseline.Compare(previous.Baseline.Principals, baseline.Principals, asOf),
            baseline);
    }
}
