namespace PolicyEngine.Tests.Matching;

/// <summary>
/// The IAM glob written straight from its definition, by recursion over the pattern, as an oracle for the matcher:
/// <c>*</c> matches any run of characters (including none), <c>?</c> exactly one, any other character itself.
/// Exponential in the number of <c>*</c>; the generators keep patterns short.
/// </summary>
internal static class ReferenceGlob
{
    /// <param name="pattern">The glob.</param>
    /// <param name="wild">For each pattern character, whether a <c>*</c> or <c>?</c> there is a wildcard; null when all are.</param>
    /// <param name="text">The text.</param>
    /// <param name="ignoreCase">Letters compare by their invariant upper case.</param>
    /// <param name="textIsPattern">The text's <c>*</c> stands for any run, so a pattern's <c>?</c> cannot match it.</param>
    public static bool IsMatch(string pattern, bool[]? wild, string text, bool ignoreCase, bool textIsPattern)
    {
        return Match(0, 0);

        bool Match(int p, int t)
        {
            if (p == pattern.Length)
            {
                return t == text.Length;
            }
            var isWild = wild is null || wild[p];
            if (isWild && pattern[p] == '*')
            {
                return Match(p + 1, t) || (t < text.Length && Match(p, t + 1));
            }
            if (t == text.Length)
            {
                return false;
            }
            var one = isWild && pattern[p] == '?'
                ? !(textIsPattern && text[t] == '*')
                : pattern[p] == text[t] || (ignoreCase && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t]));
            return one && Match(p + 1, t + 1);
        }
    }
}
