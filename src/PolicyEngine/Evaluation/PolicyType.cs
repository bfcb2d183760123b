namespace PolicyEngine.Evaluation;

/// <summary>The role a policy plays in evaluation.</summary>
public enum PolicyType
{
    /// <summary>An inline, attached managed or group policy of the calling principal.</summary>
    Identity,

    /// <summary>The principal's permissions boundary: a cap, never a grant.</summary>
    PermissionsBoundary,

    /// <summary>The session policy passed when the role session was created: a cap, never a grant.</summary>
    Session,

    /// <summary>An AWS Organizations service control policy at one level of the caller's organization.</summary>
    ServiceControl,

    /// <summary>An AWS Organizations resource control policy at one level of the resource's organization.</summary>
    ResourceControl,

    /// <summary>The policy attached to the resource (bucket policy, role trust policy, KMS key policy, ...).</summary>
    Resource,

    /// <summary>The policy of the S3 access point the request goes through; matched against the access point ARN.</summary>
    AccessPoint,

    /// <summary>The policy of the VPC endpoint the request goes through: a cap on every request, never a grant.</summary>
    VpcEndpoint,

    /// <summary>An S3 bucket's or object's access control list, read as a resource policy granting to its grantees.</summary>
    AccessControlList,
}
