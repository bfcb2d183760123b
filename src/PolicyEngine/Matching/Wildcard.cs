namespace PolicyEngine.Matching;

/// <summary>
/// IAM's glob, the one matcher for actions, ARNs, condition values and policy-variable templates: <c>*</c> matches
/// any run of characters (including none) and <c>?</c> exactly one; every other character matches itself. The whole
/// text must match.
/// </summary>
/// <remarks>
/// <para>The <see cref="WildcardOptions"/> choose case-insensitive letters (action names) and whether the text is
/// itself a pattern (does one pattern cover another). Policy-variable templates also say, character by character,
/// which <c>*</c> and <c>?</c> are wildcards, so that text substituted from a variable is always literal.</para>
/// <para>Runs in O(pattern × text) at worst and allocates nothing. It backtracks only to the last <c>*</c>: a later
/// <c>*</c> can absorb whatever an earlier one would have, so earlier choices never need revisiting.</para>
/// </remarks>
public static class Wildcard
{
    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/>.</summary>
    /// <param name="pattern">The glob, as written in a policy.</param>
    /// <param name="text">The value from the request.</param>
    /// <param name="ignoreCase">True for action names, false for ARNs and most condition values.</param>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool ignoreCase)
        => Match(pattern, default, text, ignoreCase ? WildcardOptions.IgnoreCase : WildcardOptions.None);

    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/>, compared as <paramref name="options"/> say.</summary>
    /// <param name="pattern">The glob, as written in a policy.</param>
    /// <param name="text">The value, or with <see cref="WildcardOptions.TextIsPattern"/> the pattern that must be covered.</param>
    /// <param name="options">Case and how the text's own <c>*</c> and <c>?</c> count.</param>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, WildcardOptions options)
        => Match(pattern, default, text, options);

    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/>, where only the marked <c>*</c> and <c>?</c> are wildcards.</summary>
    /// <param name="pattern">The pattern after substituting policy variables.</param>
    /// <param name="wildcards">For each pattern character, true when a <c>*</c> or <c>?</c> there is a wildcard.</param>
    /// <param name="text">The request's value.</param>
    /// <param name="options">Case; not <see cref="WildcardOptions.TextIsPattern"/>, which needs every <c>*</c> of the pattern to be a wildcard.</param>
    internal static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<bool> wildcards, ReadOnlySpan<char> text, WildcardOptions options)
    {
        if (wildcards.Length != pattern.Length)
        {
            throw new ArgumentException("the mask needs one entry per pattern character", nameof(wildcards));
        }
        return Match(pattern, wildcards, text, options);
    }

    /// <summary>Whether <paramref name="pattern"/> holds a <c>*</c> or <c>?</c>.</summary>
    public static bool HasWildcard(ReadOnlySpan<char> pattern) => pattern.IndexOfAny('*', '?') >= 0;

    /// <summary>The matcher; an empty <paramref name="wildcards"/> makes every <c>*</c> and <c>?</c> a wildcard.</summary>
    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<bool> wildcards, ReadOnlySpan<char> text, WildcardOptions options)
    {
        var ignoreCase = (options & WildcardOptions.IgnoreCase) != 0;
        var textIsPattern = (options & WildcardOptions.TextIsPattern) != 0;
        var masked = !wildcards.IsEmpty;
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            // The options are read only at a '*' or '?' of the pattern, so literal characters cost what they always did.
            if (p < pattern.Length && pattern[p] == '*' && (!masked || wildcards[p]))
            {
                starP = p++;
                starT = t;
            }
            else if (p < pattern.Length
                && ((pattern[p] == '?' && (!masked || wildcards[p]) && !(textIsPattern && text[t] == '*')) || CharEquals(pattern[p], text[t], ignoreCase)))
            {
                p++;
                t++;
            }
            else if (starP >= 0)
            {
                // Invariant: pattern[starP] is a wildcard '*'; let it swallow one more character and retry.
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*' && (!masked || wildcards[p]))
        {
            p++;
        }
        return p == pattern.Length;
    }

    private static bool CharEquals(char a, char b, bool ignoreCase)
        => a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
