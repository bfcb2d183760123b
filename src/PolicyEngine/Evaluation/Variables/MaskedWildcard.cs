namespace PolicyEngine.Evaluation.Variables;

/// <summary>
/// The IAM glob over a pattern whose characters are each marked as wildcard-capable or literal, so that text
/// substituted from a policy variable never acts as a wildcard.
/// </summary>
/// <remarks>Same algorithm as <see cref="Matching.Wildcard"/>: backtracks only to the last <c>*</c>; allocates nothing.</remarks>
internal static class MaskedWildcard
{
    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/>.</summary>
    /// <param name="pattern">The pattern after substitution.</param>
    /// <param name="wild">For each pattern character, true when a <c>*</c> or <c>?</c> there is a wildcard.</param>
    /// <param name="text">The request's value.</param>
    /// <param name="ignoreCase">Whether letters compare without case.</param>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<bool> wild, ReadOnlySpan<char> text, bool ignoreCase)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && wild[p] && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (p < pattern.Length && ((wild[p] && pattern[p] == '?') || CharEquals(pattern[p], text[t], ignoreCase)))
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
        while (p < pattern.Length && wild[p] && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    private static bool CharEquals(char a, char b, bool ignoreCase)
        => a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
