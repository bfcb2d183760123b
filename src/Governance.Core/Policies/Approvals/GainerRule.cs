namespace Governance.Core.Policies.Approvals;

/// <summary>
/// A rule on who else gains a request's access through its target role: what happens when outsiders, AWS services or
/// anyone can act as the role. The outcomes are those of a finding rule.
/// </summary>
/// <param name="Outcome">Refuse, or require approvers.</param>
/// <param name="ApprovalsRequired">For <see cref="FindingOutcome.RequireApprovals"/>: how many distinct approvers at least.</param>
public sealed record GainerRule(FindingOutcome Outcome, int ApprovalsRequired);
