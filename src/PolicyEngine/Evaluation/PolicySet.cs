using System.Collections.Immutable;

namespace PolicyEngine.Evaluation;

/// <summary>Every policy that bears on one principal's requests to one resource, by the role each plays.</summary>
/// <remarks>
/// An absent policy type does not apply: no boundary means the principal has none, no SCP levels mean the account is
/// not governed by SCPs. A level present with no policies allows nothing.
/// </remarks>
public sealed record PolicySet
{
    /// <summary>The principal's identity-based policies (inline, managed, group); any one may allow.</summary>
    public ImmutableArray<NamedPolicy> IdentityPolicies { get; init; } = [];

    /// <summary>The principal's permissions boundary, if any.</summary>
    public NamedPolicy? PermissionsBoundary { get; init; }

    /// <summary>The session policy of the calling role session, if any.</summary>
    public NamedPolicy? SessionPolicy { get; init; }

    /// <summary>SCPs of the caller's organization, level by level from the root down to the account.</summary>
    public ImmutableArray<ImmutableArray<NamedPolicy>> ServiceControlPolicies { get; init; } = [];

    /// <summary>RCPs of the resource's organization, level by level; <c>RCPFullAWSAccess</c> is implied at each.</summary>
    public ImmutableArray<ImmutableArray<NamedPolicy>> ResourceControlPolicies { get; init; } = [];

    /// <summary>The resource's own policy: a bucket policy, a role's trust policy, a KMS key policy, ...</summary>
    public NamedPolicy? ResourcePolicy { get; init; }

    /// <summary>
    /// The organization's management account, when known: SCPs do not affect its users and roles, and RCPs do not affect
    /// its resources (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html,
    /// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html). Null: no account is
    /// exempt, as for a case that does not say.
    /// </summary>
    public string? ManagementAccount { get; init; }

    /// <summary>
    /// The S3 access point requests go through, when their resource is an access point ARN; null for none. With it,
    /// <see cref="ResourcePolicy"/> is the underlying bucket's policy.
    /// </summary>
    public AccessPoint? AccessPoint { get; init; }

    /// <summary>
    /// The policy of the VPC endpoint (interface or gateway) the request goes through, if any: it must allow the request
    /// too, and never grants by itself.
    /// </summary>
    /// <remarks>
    /// Absent when the request does not go through an endpoint, or goes through one with the default policy, which
    /// allows everything. https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
    /// </remarks>
    public NamedPolicy? VpcEndpointPolicy { get; init; }

    /// <summary>
    /// The S3 Block Public Access settings in force for the bucket the request is about (the bucket's and its owner
    /// account's, combined with <see cref="BlockPublicAccessSettings.MostRestrictive"/>); null when none apply.
    /// </summary>
    public BlockPublicAccessSettings? BlockPublicAccess { get; init; }

    /// <summary>The bucket's Object Ownership setting; null when unknown, and then ACLs given here are honoured.</summary>
    public ObjectOwnership? ObjectOwnership { get; init; }

    /// <summary>The bucket's ACL grants; they decide bucket operations (listing, writing objects, its ACL).</summary>
    public ImmutableArray<AclGrant> BucketAcl { get; init; } = [];

    /// <summary>The object's ACL grants; they decide operations on the object the request names.</summary>
    public ImmutableArray<AclGrant> ObjectAcl { get; init; } = [];
}
