namespace Governance.Core.Workflow.Requests;

/// <summary>One approver's approval of a request, and the preview it was given on.</summary>
public sealed class Approval
{
    /// <summary>For EF Core.</summary>
    private Approval()
    {
    }

    internal Approval(string approverId, string? comment, DateTimeOffset approvedAt, string? previewVersion)
        => (ApproverId, Comment, ApprovedAt, PreviewVersion) = (approverId, comment, approvedAt, previewVersion);

    /// <summary>The approver's subject.</summary>
    public string ApproverId { get; private set; } = string.Empty;

    /// <summary>What the approver wrote.</summary>
    public string? Comment { get; private set; }

    /// <summary>When they approved.</summary>
    public DateTimeOffset ApprovedAt { get; private set; }

    /// <summary>The version of the preview the approver saw (<see cref="RequestPreview.Version"/>); null for approvals recorded before versions.</summary>
    public string? PreviewVersion { get; private set; }

    /// <summary>
    /// When a later preview raised the risk above the one this approval was given on, so that it stopped counting;
    /// null while it counts.
    /// </summary>
    public DateTimeOffset? SupersededAt { get; private set; }

    /// <summary>True while the approval counts toward the request's approvals.</summary>
    public bool Counts => SupersededAt is null;

    internal void Supersede(DateTimeOffset at) => SupersededAt ??= at;
}
