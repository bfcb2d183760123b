namespace PolicyEngine.Matching;

/// <summary>One statement's action patterns for one service prefix, holding only the part after <c>:</c>.</summary>
/// <param name="Exact">The names without wildcards, compared case-insensitively.</param>
/// <param name="Wildcards">The patterns with <c>*</c> or <c>?</c>.</param>
internal sealed record ServicePatterns(string[] Exact, string[] Wildcards)
{
    /// <summary>Whether <paramref name="name"/> (the part after <c>:</c>) is listed.</summary>
    /// <remarks>A linear scan: the action index resolves literal names at compile time, so only explanations call this.</remarks>
    public bool Lists(string name)
    {
        foreach (var exact in Exact)
        {
            if (string.Equals(exact, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return ActionMatcher.ListedByName(Wildcards, name);
    }
}
