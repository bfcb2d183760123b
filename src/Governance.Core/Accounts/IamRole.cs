using System.Collections.Immutable;

namespace Governance.Core.Accounts;

/// <summary>An IAM role as <c>get-account-authorization-details</c> lists it.</summary>
/// <param name="RoleName">Its name.</param>
/// <param name="RoleId">Its unique id (<c>AROA...</c>).</param>
/// <param name="Arn">Its ARN.</param>
/// <param name="Path">Its IAM path; service-linked roles live under <c>/aws-service-role/</c>.</param>
/// <param name="TrustPolicy">The assume-role (trust) policy's JSON text.</param>
/// <param name="InlinePolicies">Its inline policies.</param>
/// <param name="AttachedPolicies">Managed policies attached to it.</param>
/// <param name="PermissionsBoundary">Its permissions boundary, when it has one.</param>
/// <param name="Tags">Its tags.</param>
public sealed record IamRole(
    string RoleName,
    string RoleId,
    string Arn,
    string Path,
    string? TrustPolicy,
    ImmutableArray<InlinePolicy> InlinePolicies,
    ImmutableArray<PolicyAttachment> AttachedPolicies,
    PolicyAttachment? PermissionsBoundary,
    ImmutableArray<IamTag> Tags)
{
    /// <summary>True for roles AWS services create and own; SCPs and RCPs do not restrict them.</summary>
    public bool IsServiceLinked => Path.StartsWith("/aws-service-role/", StringComparison.Ordinal);
}
