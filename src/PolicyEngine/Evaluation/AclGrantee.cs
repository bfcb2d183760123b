namespace PolicyEngine.Evaluation;

/// <summary>Whom an S3 ACL grant names.</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#specifying-grantee</remarks>
public enum AclGrantee
{
    /// <summary>One AWS account; like a resource policy naming the account, it delegates to the account's principals.</summary>
    Account,

    /// <summary>The <c>AllUsers</c> group: anyone, signed or anonymous. A public grant.</summary>
    AllUsers,

    /// <summary>The <c>AuthenticatedUsers</c> group: any signed request from any AWS account. A public grant.</summary>
    AuthenticatedUsers,
}
