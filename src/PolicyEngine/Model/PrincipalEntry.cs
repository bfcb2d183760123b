using PolicyEngine.Diagnostics;

namespace PolicyEngine.Model;

/// <summary>One principal named in a Principal or NotPrincipal element.</summary>
/// <param name="Type">The key it was listed under.</param>
/// <param name="Value">The ARN, account id, service name, provider or canonical id, as written.</param>
/// <param name="Location">Where the value stands.</param>
public sealed record PrincipalEntry(PrincipalType Type, string Value, SourceLocation Location);
