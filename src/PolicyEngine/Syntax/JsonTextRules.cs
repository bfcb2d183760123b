namespace PolicyEngine.Syntax;

/// <summary>What <see cref="JsonTextCheck"/> accepts beyond well-formed UTF-8 JSON.</summary>
/// <param name="MaxDepth">The deepest nesting of objects and arrays read.</param>
/// <param name="AllowComments">Whether <c>//</c> and <c>/* */</c> comments are skipped rather than refused.</param>
/// <param name="RefuseDuplicateKeys">Whether a key given twice in one object is a problem (which value was meant cannot be told).</param>
public sealed record JsonTextRules(int MaxDepth = 64, bool AllowComments = false, bool RefuseDuplicateKeys = false)
{
    /// <summary>Depth 64, no comments, duplicate keys left to the reader.</summary>
    public static JsonTextRules Default { get; } = new();
}
