namespace PolicyEngine.Diagnostics;

/// <summary>Where an element of a policy document stands: 1-based line and column, and its JSON path.</summary>
/// <param name="Line">1-based line of the element's first character.</param>
/// <param name="Column">1-based column, counted in characters.</param>
/// <param name="Path">The element's path, such as <c>Statement[2].Condition.StringEquals.aws:PrincipalTag/team</c>; empty for the root.</param>
public readonly record struct SourceLocation(int Line, int Column, string Path)
{
    /// <summary>The location of a document's root, or of something that has no place in the text.</summary>
    public static SourceLocation Root { get; } = new(1, 1, string.Empty);

    /// <inheritdoc />
    public override string ToString() => Path.Length == 0 ? $"{Line}:{Column}" : $"{Line}:{Column} ({Path})";
}
