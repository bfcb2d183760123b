using System.Collections.Immutable;

namespace Governance.Core.Workflow.Approvals;

/// <summary>The approval rules' decision for a request, with the reasons that led to it.</summary>
/// <param name="Outcome">Automatic, by approvers, or refused.</param>
/// <param name="ApprovalsRequired">Distinct approvals needed (0 for automatic approval and refusal).</param>
/// <param name="Reasons">Why, one line per rule that applied.</param>
public sealed record ApprovalRequirement(ApprovalOutcome Outcome, int ApprovalsRequired, ImmutableArray<string> Reasons);
