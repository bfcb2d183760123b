namespace Governance.Core.Accounts.Organization;

/// <summary>A member account of the organisation, as <c>aws organizations list-accounts-for-parent</c> prints it.</summary>
/// <param name="Id">Its 12-digit id.</param>
/// <param name="Arn">Its ARN in the organisation.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">
/// <c>ACTIVE</c>, <c>SUSPENDED</c> or <c>PENDING_CLOSURE</c> as AWS reports it (the newer <c>State</c> field when
/// <c>Status</c> is absent); empty when the snapshot does not say.
/// </param>
/// <param name="ParentId">The root or OU it sits in; empty for the single account of a one-account snapshot.</param>
public sealed record OrganizationAccount(string Id, string Arn, string Name, string Status, string ParentId);
