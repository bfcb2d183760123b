using System.Collections.Immutable;
using PolicyEngine.Diagnostics;

namespace PolicyEngine.Syntax;

/// <summary>A JSON value as written, with its place in the text.</summary>
internal abstract class SyntaxNode(SyntaxKind kind, SourceLocation location)
{
    public SyntaxKind Kind { get; } = kind;

    public SourceLocation Location { get; } = location;

    /// <summary>How a message names this kind of value: "a string", "an array".</summary>
    public string Describe() => Kind switch
    {
        SyntaxKind.Object => "an object",
        SyntaxKind.Array => "an array",
        SyntaxKind.String => "a string",
        SyntaxKind.Number => "a number",
        SyntaxKind.True or SyntaxKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>A JSON object; properties keep their order, and duplicates are kept so that they can be reported.</summary>
internal sealed class SyntaxObject(SourceLocation location, ImmutableArray<SyntaxProperty> properties)
    : SyntaxNode(SyntaxKind.Object, location)
{
    public ImmutableArray<SyntaxProperty> Properties { get; } = properties;
}

/// <summary>One <c>"name": value</c> pair of an object.</summary>
internal sealed record SyntaxProperty(string Name, SourceLocation NameLocation, SyntaxNode Value);

/// <summary>A JSON array.</summary>
internal sealed class SyntaxArray(SourceLocation location, ImmutableArray<SyntaxNode> items)
    : SyntaxNode(SyntaxKind.Array, location)
{
    public ImmutableArray<SyntaxNode> Items { get; } = items;
}

/// <summary>A string, number, boolean or null; <see cref="Text"/> is the string's value or the literal as written.</summary>
internal sealed class SyntaxScalar(SyntaxKind kind, SourceLocation location, string text)
    : SyntaxNode(kind, location)
{
    public string Text { get; } = text;
}
