namespace Governance.Core.Workflow.Approvals;

/// <summary>What the approval rules decide for a new request.</summary>
public enum ApprovalOutcome
{
    /// <summary>Approved at submission, recorded as automatic.</summary>
    AutoApprove,

    /// <summary>Waits for <see cref="ApprovalRequirement.ApprovalsRequired"/> distinct approvers.</summary>
    RequireApprovals,

    /// <summary>Refused at submission.</summary>
    Refuse,
}
