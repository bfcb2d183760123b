using System.Collections.Immutable;

namespace Governance.Core.Accounts;

/// <summary>
/// A principal with every policy input AWS evaluates for it: its identity policies (for a user, its groups' too),
/// its permissions boundary, and for a role its trust policy.
/// </summary>
/// <param name="Kind">User or role.</param>
/// <param name="Name">The user or role name.</param>
/// <param name="Arn">Its ARN.</param>
/// <param name="AccountId">The account it belongs to.</param>
/// <param name="UniqueId">Its IAM unique id (<c>AIDA...</c>, <c>AROA...</c>).</param>
/// <param name="IdentityPolicies">Inline and attached policies, managed ones at their default version.</param>
/// <param name="PermissionsBoundary">The boundary's document, when it has one.</param>
/// <param name="TrustPolicy">A role's trust policy.</param>
/// <param name="Tags">Its tags, which feed <c>aws:PrincipalTag/KEY</c>.</param>
/// <param name="IsServiceLinked">True for service-linked roles, which SCPs and RCPs do not restrict.</param>
public sealed record ResolvedPrincipal(
    PrincipalKind Kind,
    string Name,
    string Arn,
    string AccountId,
    string UniqueId,
    ImmutableArray<PrincipalPolicy> IdentityPolicies,
    PrincipalPolicy? PermissionsBoundary,
    string? TrustPolicy,
    ImmutableArray<IamTag> Tags,
    bool IsServiceLinked);
