namespace Governance.Core.Risk;

/// <summary>A concrete resource an escalation path acts on.</summary>
/// <param name="Arn">Its ARN.</param>
/// <param name="Direct">True when acting on it benefits the principal by itself; false when it needs another principal's credentials or an object that may not exist.</param>
/// <param name="Label">How findings name it.</param>
internal sealed record ResolvedTarget(string? Arn, bool Direct, string Label);
