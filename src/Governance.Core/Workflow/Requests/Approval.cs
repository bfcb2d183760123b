namespace Governance.Core.Workflow.Requests;

/// <summary>One approver's approval of a request.</summary>
public sealed class Approval
{
    /// <summary>For EF Core.</summary>
    private Approval()
    {
    }

    internal Approval(string approverId, string? comment, DateTimeOffset approvedAt)
        => (ApproverId, Comment, ApprovedAt) = (approverId, comment, approvedAt);

    /// <summary>The approver's subject.</summary>
    public string ApproverId { get; private set; } = string.Empty;

    /// <summary>What the approver wrote.</summary>
    public string? Comment { get; private set; }

    /// <summary>When they approved.</summary>
    public DateTimeOffset ApprovedAt { get; private set; }
}
