using System.Collections.Immutable;
using PolicyEngine.Evaluation;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// The policies that bear on a request besides the principal's own: its organization's SCP and RCP levels, the
/// resource's policy, a session policy and the policy of the VPC endpoint the request goes through. Absent parts do not apply, as in <see cref="PolicySet"/>.
/// </summary>
public sealed record Guardrails
{
    /// <summary>No SCPs, no RCPs, no resource or session policy.</summary>
    public static Guardrails None { get; } = new();

    /// <summary>SCP levels from the organization root down to the account.</summary>
    public ImmutableArray<ImmutableArray<NamedPolicy>> ServiceControlPolicies { get; init; } = [];

    /// <summary>RCP levels from the organization root down to the account.</summary>
    public ImmutableArray<ImmutableArray<NamedPolicy>> ResourceControlPolicies { get; init; } = [];

    /// <summary>The resource's own policy (bucket, key, queue, ...); for a role, its trust policy is found in the account.</summary>
    public NamedPolicy? ResourcePolicy { get; init; }

    /// <summary>
    /// The account that owns the resource when its ARN does not say (S3 buckets and objects); null to take it from the
    /// ARN, else the caller's account. A resource in another account makes the request cross-account: both sides must allow.
    /// </summary>
    public string? ResourceAccount { get; init; }

    /// <summary>The session policy of the role session making the request.</summary>
    public NamedPolicy? SessionPolicy { get; init; }

    /// <summary>
    /// The S3 access point a request whose resource is an access point ARN goes through; <see cref="ResourcePolicy"/> is
    /// then the underlying bucket's policy.
    /// </summary>
    public AccessPoint? AccessPoint { get; init; }

    /// <summary>
    /// The policy of the VPC endpoint the request goes through, if any: like the session policy, a property of this
    /// request's path rather than of the organisation, so it is kept whatever else supplies the guardrails.
    /// </summary>
    public NamedPolicy? VpcEndpointPolicy { get; init; }

    /// <summary>
    /// The S3 Block Public Access settings in force for the resource's bucket (the bucket's and its owner account's,
    /// combined); null when none are known.
    /// </summary>
    public BlockPublicAccessSettings? BlockPublicAccess { get; init; }

    /// <summary>The resource's bucket's Object Ownership setting; null when unknown.</summary>
    public ObjectOwnership? ObjectOwnership { get; init; }
}
