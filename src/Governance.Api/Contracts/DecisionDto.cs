namespace Governance.Api.Contracts;

/// <summary>The body of approve, deny, cancel and revoke: an optional comment.</summary>
/// <param name="Comment">Recorded with the decision and in the audit log.</param>
public sealed record DecisionDto(string? Comment);
