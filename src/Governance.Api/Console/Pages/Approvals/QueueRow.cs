using Governance.Core.Risk;
using Governance.Core.Workflow.Requests;

namespace Governance.Api.Console.Pages.Approvals;

/// <summary>One pending request in the approvers' queue, with its review as it stands now.</summary>
/// <param name="Request">The request.</param>
/// <param name="Review">Its preview and the approvals it needs and has, computed now.</param>
public sealed record QueueRow(AccessRequest Request, RequestReview Review)
{
    /// <summary>The approvals that count toward <see cref="RequestReview.ApprovalsRequired"/>.</summary>
    public int ApprovalsCounting => Review.ApprovalCounts.Count(static c => c);

    /// <summary>The most serious risk finding of the preview; null when it has none.</summary>
    public RiskSeverity? HighestRisk => Review.Preview.Findings.IsDefaultOrEmpty ? null : Review.Preview.Findings.Max(static f => f.Severity);
}
