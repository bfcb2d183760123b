namespace Governance.Core.Accounts.Organization;

/// <summary>What the snapshot knows inside one account: its IAM and its resources' policies.</summary>
/// <param name="AccountId">The 12-digit account id.</param>
/// <param name="Iam">Its IAM (<c>authorization-details.json</c>); null when the snapshot does not hold it.</param>
/// <param name="Resources">Its resources (<c>resources.json</c>); null when unknown, which is not the same as none.</param>
public sealed record AccountContents(string AccountId, AccountSnapshot? Iam, AccountResources? Resources);
