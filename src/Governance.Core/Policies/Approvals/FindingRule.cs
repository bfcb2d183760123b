using Governance.Core.Risk;

namespace Governance.Core.Policies.Approvals;

/// <summary>A rule on risk findings of a minimum severity.</summary>
/// <param name="MinimumSeverity">The rule applies to findings of this severity or worse.</param>
/// <param name="Outcome">What it does.</param>
/// <param name="ApprovalsRequired">For <see cref="FindingOutcome.RequireApprovals"/>: how many distinct approvers.</param>
public sealed record FindingRule(RiskSeverity MinimumSeverity, FindingOutcome Outcome, int ApprovalsRequired);
