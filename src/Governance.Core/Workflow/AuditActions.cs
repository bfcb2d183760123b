namespace Governance.Core.Workflow;

/// <summary>The stable names of audited actions.</summary>
public static class AuditActions
{
    /// <summary>A request was submitted.</summary>
    public const string RequestCreated = "request.created";

    /// <summary>An approver approved, and more approvals are needed.</summary>
    public const string RequestApprovalAdded = "request.approval-added";

    /// <summary>The request was approved (by people or by the rules).</summary>
    public const string RequestApproved = "request.approved";

    /// <summary>An approver denied the request.</summary>
    public const string RequestDenied = "request.denied";

    /// <summary>The requester or an admin cancelled the request.</summary>
    public const string RequestCancelled = "request.cancelled";

    /// <summary>The request stayed pending past <c>Governance:Requests:PendingTtl</c>, and the scheduler closed it.</summary>
    public const string RequestExpired = "request.expired";

    /// <summary>
    /// A decision found the request's preview changed since it was last recorded (the organisation changed): the new
    /// preview and approval count were recorded, and, when the risk rose, earlier approvals stopped counting.
    /// </summary>
    public const string RequestPreviewChanged = "request.preview-changed";

    /// <summary>The approval rules refused the request, at submission or when its preview changed.</summary>
    public const string RequestRefused = "request.refused";

    /// <summary>A grant was created and provisioned.</summary>
    public const string GrantProvisioned = "grant.provisioned";

    /// <summary>A grant was revoked early.</summary>
    public const string GrantRevoked = "grant.revoked";

    /// <summary>A grant's window ended and its policy was removed.</summary>
    public const string GrantExpired = "grant.expired";

    /// <summary>STS issued short-lived credentials for a grant to its requester.</summary>
    public const string GrantCredentialsIssued = "grant.credentials-issued";

    /// <summary>Someone ran the drift audit by hand (the nightly runs are the reports' own record).</summary>
    public const string DriftAuditRun = "drift-audit.run";

    /// <summary>The retention job removed drift reports past <c>Governance:Retention:DriftReports</c>.</summary>
    public const string DriftReportsRemoved = "retention.drift-reports-removed";
}
