namespace Governance.Core.Accounts;

/// <summary>A policy embedded in one user, group or role.</summary>
/// <param name="PolicyName">Its name, unique within its principal.</param>
/// <param name="Document">The policy document's JSON text, decoded when IAM gave it URL-encoded.</param>
public sealed record InlinePolicy(string PolicyName, string Document);
