namespace Governance.Core.Accounts.Organization;

/// <summary>A root, OU or account an organisation policy is attached to, as <c>aws organizations list-targets-for-policy</c> prints it.</summary>
/// <param name="TargetId">The root, OU or account id.</param>
/// <param name="Type">Which of the three it is.</param>
public sealed record PolicyTarget(string TargetId, PolicyTargetType Type);
