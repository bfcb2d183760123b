namespace Governance.Core.Accounts;

/// <summary>A policy document with the name explanations show for it.</summary>
/// <param name="Name">The policy's name; group policies read <c>group/NAME/POLICY</c>.</param>
/// <param name="Source">How it reaches the principal.</param>
/// <param name="Document">The JSON text.</param>
/// <param name="Arn">The managed policy's ARN; null for inline policies.</param>
public sealed record PrincipalPolicy(string Name, PolicySource Source, string Document, string? Arn = null);
