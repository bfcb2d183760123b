namespace Governance.Core.Accounts.Organization;

/// <summary>A resource found in the snapshot, with the account that owns it.</summary>
/// <typeparam name="T">The kind of resource.</typeparam>
/// <param name="AccountId">The owning account.</param>
/// <param name="Resource">The resource.</param>
public sealed record OwnedResource<T>(string AccountId, T Resource);
