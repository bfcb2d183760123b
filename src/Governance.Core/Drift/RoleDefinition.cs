using System.Collections.Immutable;
using Governance.Core.Accounts;

namespace Governance.Core.Drift;

/// <summary>A role as the team agreed it, from <c>policies/roles/NAME.json</c>.</summary>
/// <param name="Name">The role name; equals the file name.</param>
/// <param name="Path">Its IAM path, <c>/</c> by default.</param>
/// <param name="TrustPolicy">The trust policy's JSON text.</param>
/// <param name="InlinePolicies">Its inline policies, by name.</param>
/// <param name="AttachedPolicies">The ARNs of the managed policies attached to it.</param>
/// <param name="PermissionsBoundary">The ARN of its boundary, if any.</param>
/// <param name="Tags">Its tags.</param>
public sealed record RoleDefinition(
    string Name,
    string Path,
    string TrustPolicy,
    ImmutableArray<InlinePolicy> InlinePolicies,
    ImmutableArray<string> AttachedPolicies,
    string? PermissionsBoundary,
    ImmutableArray<IamTag> Tags)
{
    /// <summary>The role's ARN in <paramref name="accountId"/>.</summary>
    public string ArnIn(string accountId) => $"arn:aws:iam::{accountId}:role{Path}{Name}";
}
