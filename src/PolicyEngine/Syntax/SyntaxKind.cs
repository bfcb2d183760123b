namespace PolicyEngine.Syntax;

/// <summary>The JSON value kinds the syntax layer distinguishes.</summary>
internal enum SyntaxKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}
