namespace Governance.Core.Workflow.Requests;

/// <summary>An engineer's request for a permission set on named resources, for a limited time, on a target role.</summary>
/// <remarks>State changes go through the methods here, each of which renews <see cref="ConcurrencyStamp"/> so that of
/// two concurrent decisions only the first is saved.</remarks>
public sealed class AccessRequest
{
    private readonly List<Approval> _approvals = [];

    /// <summary>For EF Core.</summary>
    private AccessRequest()
    {
    }

    internal AccessRequest(
        Guid id, string requesterId, string permissionSet, IReadOnlyList<string> resources, string targetRoleName,
        string targetRoleArn, string justification, int durationHours, int requiredApprovals, string policyDocument,
        string previewJson, string previewVersion, DateTimeOffset createdAt)
    {
        Id = id;
        RequesterId = requesterId;
        PermissionSet = permissionSet;
        Resources = resources;
        TargetRoleName = targetRoleName;
        TargetRoleArn = targetRoleArn;
        Justification = justification;
        DurationHours = durationHours;
        RequiredApprovals = requiredApprovals;
        PolicyDocument = policyDocument;
        PreviewJson = previewJson;
        PreviewVersion = previewVersion;
        CreatedAt = createdAt;
        Status = AccessRequestStatus.Pending;
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>Its id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The requester's subject.</summary>
    public string RequesterId { get; private set; } = string.Empty;

    /// <summary>The permission set's name.</summary>
    public string PermissionSet { get; private set; } = string.Empty;

    /// <summary>The resources named, as the requester wrote them.</summary>
    public IReadOnlyList<string> Resources { get; private set; } = [];

    /// <summary>The role that would receive the access.</summary>
    public string TargetRoleName { get; private set; } = string.Empty;

    /// <summary>That role's ARN.</summary>
    public string TargetRoleArn { get; private set; } = string.Empty;

    /// <summary>Why the requester needs it.</summary>
    public string Justification { get; private set; } = string.Empty;

    /// <summary>How long the grant would last.</summary>
    public int DurationHours { get; private set; }

    /// <summary>Where the request stands.</summary>
    public AccessRequestStatus Status { get; private set; }

    /// <summary>
    /// Distinct approvals needed, as the permission set and approval rules decided on <see cref="PreviewJson"/>; a pending
    /// request's is decided again on every read and decision (<c>RequestPreviewer</c>).
    /// </summary>
    public int RequiredApprovals { get; private set; }

    /// <summary>True when the approval rules approved it without a person.</summary>
    public bool AutoApproved { get; private set; }

    /// <summary>The policy the grant would attach (statements only, without the expiry condition).</summary>
    public string PolicyDocument { get; private set; } = string.Empty;

    /// <summary>
    /// The preview last recorded, as JSON: computed at submission, recorded again when a decision finds it changed, and
    /// kept as it was at the final decision.
    /// </summary>
    public string PreviewJson { get; private set; } = string.Empty;

    /// <summary>The version of <see cref="PreviewJson"/> (<see cref="RequestPreview.Version"/>); null for requests stored before versions.</summary>
    public string? PreviewVersion { get; private set; }

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it left <see cref="AccessRequestStatus.Pending"/>.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Who took the final decision (the last approver, the denier, the canceller, or the rules).</summary>
    public string? DecidedBy { get; private set; }

    /// <summary>The final decision's comment or reason.</summary>
    public string? DecisionComment { get; private set; }

    /// <summary>The grant an approval created.</summary>
    public Guid? GrantId { get; private set; }

    /// <summary>Renewed on every change; EF Core checks it on update.</summary>
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>The approvals so far, oldest first, including those a riskier preview superseded.</summary>
    public IReadOnlyList<Approval> Approvals => _approvals;

    /// <summary>How many approvals count toward <see cref="RequiredApprovals"/>.</summary>
    public int CountingApprovals => _approvals.Count(static a => a.Counts);

    /// <summary>True when <paramref name="approverId"/> has an approval that still counts.</summary>
    public bool HasApproved(string approverId)
        => _approvals.Exists(a => a.Counts && string.Equals(a.ApproverId, approverId, StringComparison.Ordinal));

    /// <summary>Adds an approval given on the preview <paramref name="previewVersion"/>; returns true when it was the last one needed.</summary>
    internal bool AddApproval(string approverId, string? comment, DateTimeOffset at, string previewVersion)
    {
        EnsurePending();
        _approvals.Add(new Approval(approverId, comment, at, previewVersion));
        Touch();
        return CountingApprovals >= RequiredApprovals;
    }

    /// <summary>
    /// Records <paramref name="current"/> as the request's preview; when <paramref name="supersedeApprovals"/> (the risk
    /// rose, <see cref="RiskIncrease"/>) the approvals given so far stop counting.
    /// </summary>
    internal void RecordPreview(string previewJson, RequestPreview current, bool supersedeApprovals, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        EnsurePending();
        (PreviewJson, PreviewVersion, RequiredApprovals) = (previewJson, current.Version, current.ApprovalsRequired);
        if (supersedeApprovals)
        {
            _approvals.ForEach(a => a.Supersede(at));
        }
        Touch();
    }

    internal void MarkApproved(Guid grantId, string decidedBy, string? comment, DateTimeOffset at, bool automatic)
    {
        EnsurePending();
        (Status, GrantId, DecidedBy, DecisionComment, DecidedAt, AutoApproved) =
            (AccessRequestStatus.Approved, grantId, decidedBy, comment, at, automatic);
        Touch();
    }

    internal void Close(AccessRequestStatus status, string decidedBy, string? comment, DateTimeOffset at)
    {
        if (status is AccessRequestStatus.Pending or AccessRequestStatus.Approved)
        {
            throw new ArgumentOutOfRangeException(nameof(status), "close with a final status other than Approved");
        }
        EnsurePending();
        (Status, DecidedBy, DecisionComment, DecidedAt) = (status, decidedBy, comment, at);
        Touch();
    }

    private void EnsurePending()
    {
        if (Status != AccessRequestStatus.Pending)
        {
            throw new InvalidOperationException($"request {Id} is {Status}, not Pending");
        }
    }

    private void Touch() => ConcurrencyStamp = Guid.NewGuid();
}
