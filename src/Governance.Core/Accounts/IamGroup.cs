using System.Collections.Immutable;

namespace Governance.Core.Accounts;

/// <summary>An IAM group; its policies apply to every member user.</summary>
/// <param name="GroupName">Its name.</param>
/// <param name="GroupId">Its unique id (<c>AGPA...</c>).</param>
/// <param name="Arn">Its ARN.</param>
/// <param name="Path">Its IAM path.</param>
/// <param name="InlinePolicies">Its inline policies.</param>
/// <param name="AttachedPolicies">Managed policies attached to it.</param>
public sealed record IamGroup(
    string GroupName,
    string GroupId,
    string Arn,
    string Path,
    ImmutableArray<InlinePolicy> InlinePolicies,
    ImmutableArray<PolicyAttachment> AttachedPolicies);
