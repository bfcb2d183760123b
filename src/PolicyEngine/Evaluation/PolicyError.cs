using PolicyEngine.Diagnostics;

namespace PolicyEngine.Evaluation;

/// <summary>A grammar error in one policy of a <see cref="PolicySet"/>, reported by <see cref="PolicyCompiler.Compile"/>.</summary>
/// <param name="PolicyType">The role of the policy in the set.</param>
/// <param name="PolicyName">The policy's name.</param>
/// <param name="Level">The SCP or RCP level, from 0 at the root; null for other policy types.</param>
/// <param name="Diagnostic">The parser's finding.</param>
public sealed record PolicyError(PolicyType PolicyType, string PolicyName, int? Level, Diagnostic Diagnostic);
