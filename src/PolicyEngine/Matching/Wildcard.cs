namespace PolicyEngine.Matching;

/// <summary>
/// IAM's glob: <c>*</c> matches any run of characters (including none) and <c>?</c> exactly one;
/// every other character matches itself. The whole text must match.
/// </summary>
/// <remarks>Runs in O(pattern × text) at worst and allocates nothing; backtracks only to the last <c>*</c>.</remarks>
public static class Wildcard
{
    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/>.</summary>
    /// <param name="pattern">The glob, as written in a policy.</param>
    /// <param name="text">The value from the request.</param>
    /// <param name="ignoreCase">True for action names, false for ARNs and most condition values.</param>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool ignoreCase)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], text[t], ignoreCase)))
            {
                p++;
                t++;
            }
            else if (starP >= 0)
            {
                // Invariant: pattern[starP] is '*'; let it swallow one more character and retry.
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    /// <summary>Whether <paramref name="pattern"/> holds a <c>*</c> or <c>?</c>.</summary>
    public static bool HasWildcard(ReadOnlySpan<char> pattern) => pattern.IndexOfAny('*', '?') >= 0;

    private static bool CharEquals(char a, char b, bool ignoreCase)
        => a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
