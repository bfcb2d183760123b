using System.Collections.Immutable;

namespace Governance.Core.Accounts;

/// <summary>An IAM user as <c>get-account-authorization-details</c> lists it.</summary>
/// <param name="UserName">Its name.</param>
/// <param name="UserId">Its unique id (<c>AIDA...</c>).</param>
/// <param name="Arn">Its ARN.</param>
/// <param name="Path">Its IAM path.</param>
/// <param name="GroupNames">The groups it belongs to.</param>
/// <param name="InlinePolicies">Its own inline policies.</param>
/// <param name="AttachedPolicies">Managed policies attached to it directly.</param>
/// <param name="PermissionsBoundary">Its permissions boundary, when it has one.</param>
/// <param name="Tags">Its tags.</param>
public sealed record IamUser(
    string UserName,
    string UserId,
    string Arn,
    string Path,
    ImmutableArray<string> GroupNames,
    ImmutableArray<InlinePolicy> InlinePolicies,
    ImmutableArray<PolicyAttachment> AttachedPolicies,
    PolicyAttachment? PermissionsBoundary,
    ImmutableArray<IamTag> Tags);
