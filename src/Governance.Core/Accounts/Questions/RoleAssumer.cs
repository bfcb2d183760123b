using System.Collections.Immutable;

namespace Governance.Core.Accounts.Questions;

/// <summary>One principal that can act as a role, and how.</summary>
/// <param name="Arn">
/// Its ARN; for an account as a whole <c>arn:aws:iam::ID:root</c>, for a service its name, for anyone <c>*</c>, for a
/// federated principal the provider.
/// </param>
/// <param name="Kind">What it is.</param>
/// <param name="AccountId">Its account; for a service the role's account, which it acts for; null for anyone and for a provider outside AWS.</param>
/// <param name="InsideOrganization">
/// True for principals of member accounts and for AWS services (which act for the role's own account: passing a role to
/// a service is checked in that account); false for other accounts, anyone and federated identities, whom the
/// organisation's IAM does not hold.
/// </param>
/// <param name="Chain">The ARNs from this principal to the role, both included: <c>[user/alice, role/a, role/target]</c>.</param>
/// <param name="ConditionKeys">Keys the caller must supply along the chain for the trust to hold (MFA, <c>sts:ExternalId</c>, ...); empty when none.</param>
/// <param name="Principal">The principal with its policies when the snapshot holds them (users and roles of held accounts); else null.</param>
public sealed record RoleAssumer(string Arn, AssumerKind Kind, string? AccountId, bool InsideOrganization, ImmutableArray<string> Chain,
    ImmutableArray<string> ConditionKeys, ResolvedPrincipal? Principal);
