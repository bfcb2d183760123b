namespace PolicyEngine.Validation;

/// <summary>What a policy document is used as; each kind has its own rules and size quota.</summary>
public enum PolicyKind
{
    /// <summary>A permissions policy attached to a user, group or role (managed or inline); it names no Principal.</summary>
    Identity,

    /// <summary>A resource-based policy such as an S3 bucket or KMS key policy; each statement names a Principal.</summary>
    Resource,

    /// <summary>A role trust policy (AssumeRolePolicyDocument): who may assume the role.</summary>
    Trust,

    /// <summary>A permissions boundary: a managed policy that caps what an identity policy can grant.</summary>
    Boundary,

    /// <summary>A session policy passed to <c>AssumeRole</c> or <c>GetFederationToken</c>.</summary>
    Session,

    /// <summary>An AWS Organizations service control policy.</summary>
    Scp,

    /// <summary>An AWS Organizations resource control policy.</summary>
    Rcp,

    /// <summary>An S3 access point policy: a resource-based policy whose resources are the access point's ARNs.</summary>
    AccessPoint,
    /// <summary>A VPC endpoint policy: which principals may use the endpoint for which actions and resources.</summary>
    VpcEndpoint,
}
