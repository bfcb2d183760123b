namespace Governance.Core.Drift.Records;

/// <summary>A policy document and the name it is evaluated under.</summary>
/// <param name="Name">The policy's name.</param>
/// <param name="Document">Its JSON text.</param>
public sealed record BaselinePolicy(string Name, string Document);
