namespace PolicyEngine.Evaluation;

/// <summary>Which rule of AWS's evaluation logic settled the decision.</summary>
public enum DecisionReason
{
    /// <summary>A Deny statement applies (in any policy type).</summary>
    ExplicitDeny,

    /// <summary>No identity-based or resource-based policy allows the request.</summary>
    NoAllow,

    /// <summary>An SCP level allows nothing that covers the request.</summary>
    ServiceControlPolicyDoesNotAllow,

    /// <summary>The permissions boundary does not allow the request.</summary>
    PermissionsBoundaryDoesNotAllow,

    /// <summary>The session policy does not allow the request.</summary>
    SessionPolicyDoesNotAllow,

    /// <summary>The role's trust policy or the KMS key policy does not allow the caller, and these must.</summary>
    ResourcePolicyRequired,

    /// <summary>Cross-account: the resource's policy does not allow the caller.</summary>
    CrossAccountResourcePolicyDoesNotAllow,

    /// <summary>Cross-account: the caller's own account (identity policies and their caps) does not allow the request.</summary>
    CrossAccountIdentityDoesNotAllow,

    /// <summary>Allowed by an identity-based policy (or a resource policy naming the role), within every cap.</summary>
    AllowedByIdentity,

    /// <summary>Same account: allowed by a resource policy naming the user or session itself, which caps do not limit.</summary>
    AllowedByResourcePolicy,

    /// <summary>Cross-account: allowed by both the caller's policies and the resource's policy.</summary>
    AllowedCrossAccount,

    /// <summary>An action AWS always allows, such as <c>sts:GetCallerIdentity</c>.</summary>
    AlwaysAllowed,

    /// <summary>
    /// Through an S3 access point: the access point does not allow the request. Neither its policy nor (within the access
    /// point's account) the caller's identity policies allow it on the access point ARN; across accounts, its policy must.
    /// </summary>
    AccessPointPolicyDoesNotAllow,

    /// <summary>
    /// Through an S3 access point: the underlying bucket's policy neither delegates to the access point
    /// (<c>s3:DataAccessPointAccount</c>, <c>s3:DataAccessPointArn</c>) nor grants the same access.
    /// </summary>
    BucketPolicyDoesNotAllowAccessPoint,

    /// <summary>Through an S3 access point: allowed on the access point and by the underlying bucket's policy.</summary>
    AllowedThroughAccessPoint,

    /// <summary>The request goes through a VPC endpoint whose policy does not allow it.</summary>
    VpcEndpointPolicyDoesNotAllow,

    /// <summary>
    /// S3 Block Public Access: the bucket policy is public and <c>RestrictPublicBuckets</c> is on, so its grant to a
    /// caller outside the bucket owner's account (or an anonymous one) does not count.
    /// </summary>
    RestrictedByBlockPublicAccess,

    /// <summary>Same account: allowed by an S3 ACL grant that names the caller directly (a public group grant).</summary>
    AllowedByAccessControlList,
}
