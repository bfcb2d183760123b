namespace Governance.Api.Console.Pages.CanI;

/// <summary>One role offered as the principal of a question.</summary>
/// <param name="Arn">Its ARN, the value asked with.</param>
/// <param name="Name">Its name.</param>
/// <param name="AccountId">Its account.</param>
/// <param name="Owned">True when it is tagged as the signed-in person's.</param>
public sealed record RoleChoice(string Arn, string Name, string AccountId, bool Owned);
