namespace PolicyEngine.Evaluation;

/// <summary>Points at one statement of one policy of a <see cref="PolicySet"/>.</summary>
/// <param name="PolicyType">The role of the statement's policy.</param>
/// <param name="PolicyName">The policy's name.</param>
/// <param name="Level">The SCP or RCP level, from 0 at the root; null for other policy types.</param>
/// <param name="Index">The statement's position in its policy, from 0.</param>
/// <param name="Sid">The statement's Sid, if it has one.</param>
/// <param name="JsonPath">The statement's path in its document, such as <c>Statement[2]</c>.</param>
/// <param name="Line">The 1-based line where the statement starts.</param>
/// <param name="Column">The 1-based column where the statement starts.</param>
public sealed record StatementRef(PolicyType PolicyType, string PolicyName, int? Level, int Index, string? Sid, string JsonPath, int Line,
    int Column)
{
    /// <summary>How messages name the statement: its Sid, else its index.</summary>
    public string DisplayName => Sid is { Length: > 0 } ? Sid : $"Statement[{Index}]";

    /// <inheritdoc />
    public override string ToString()
        => Level is { } level ? $"{PolicyName} (level {level}) {DisplayName}" : $"{PolicyName} {DisplayName}";
}
