namespace Governance.Core.Infrastructure.Aws.Organizations;

/// <summary>An account of the organisation as <c>ListAccountsForParent</c> lists it.</summary>
/// <param name="Id">The 12-digit account id.</param>
/// <param name="Name">The account's name.</param>
/// <param name="Status">Its status, e.g. <c>ACTIVE</c> or <c>SUSPENDED</c>.</param>
public sealed record OrganizationMember(string Id, string Name, string Status);
