namespace Governance.Core.Accounts.Organization;

/// <summary>One step of the path from the organisation root down to an account: the root, an OU or the account.</summary>
/// <param name="Kind">Root, OU or account.</param>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name, for explanations such as "the SCP attached to OU `Data`".</param>
public sealed record OrganizationNode(PolicyTargetType Kind, string Id, string Name);
