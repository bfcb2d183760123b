namespace Governance.Core.Accounts.Questions;

/// <summary>One principal that may do what a <see cref="WhoCanAnswer"/> asks, and why.</summary>
/// <param name="Principal">The principal; for one whose account the snapshot does not hold, as the resource's policy names it.</param>
/// <param name="Outside">True when its account is not a member of the organisation (for IAM exports alone: not one of the exports).</param>
/// <param name="Answer">
/// Its answer: the deciding statements, the summary naming the deciding layers, and
/// <see cref="OrganizationAnswer.CallerPoliciesKnown"/> false when its own side is assumed.
/// </param>
public sealed record WhoCanPrincipal(ResolvedPrincipal Principal, bool Outside, OrganizationAnswer Answer);
