namespace PolicyEngine.Explain;

/// <summary>Whether a statement applied to a request, and if not, the first element that did not fit.</summary>
public enum StatementStatus
{
    /// <summary>Action, resource, principal and every condition fit: the statement applies.</summary>
    Matched,

    /// <summary>The policy type does not govern this request (SCPs for a service-linked role, RCPs for an unsupported service).</summary>
    NotApplicable,

    /// <summary>The request's action is not covered by Action, or is listed in NotAction.</summary>
    ActionNotMatched,

    /// <summary>The request's resource is not covered by Resource, or is listed in NotResource.</summary>
    ResourceNotMatched,

    /// <summary>The caller is not named by Principal, or is exempted by NotPrincipal.</summary>
    PrincipalNotMatched,

    /// <summary>A condition does not hold; see <see cref="StatementOutcome.FailedCondition"/>.</summary>
    ConditionNotMet,

    /// <summary>
    /// An SCP whose caller is in the organization's management account, or an RCP whose resource is: neither affects it.
    /// </summary>
    ManagementAccountExempt,

    /// <summary>
    /// An S3 ACL grant S3 ignores: the bucket's Object Ownership is <c>BucketOwnerEnforced</c> (ACLs disabled), or the
    /// grant is public (<c>AllUsers</c>, <c>AuthenticatedUsers</c>) and Block Public Access's <c>IgnorePublicAcls</c> is on.
    /// </summary>
    AclIgnored,
}
