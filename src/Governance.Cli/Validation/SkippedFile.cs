namespace Governance.Cli.Validation;

/// <summary>A file below a folder that is clearly not a policy, a role or a permission set, and why.</summary>
/// <param name="Path">The file as shown.</param>
/// <param name="Reason">What it is instead, such as <c>an account snapshot</c>.</param>
internal sealed record SkippedFile(string Path, string Reason);
