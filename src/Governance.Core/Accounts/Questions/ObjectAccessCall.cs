namespace Governance.Core.Accounts.Questions;

/// <summary>One call that reading or writing an object makes, and the organisation's answer to it.</summary>
/// <param name="Question">The call: its action, resource and request context.</param>
/// <param name="Answer">Its decision, explanation, deciding layer and notes.</param>
public sealed record ObjectAccessCall(AccessQuestion Question, OrganizationAnswer Answer);
