namespace Governance.Core.Exclusions;

/// <summary>The wildcards of an exclusion's <c>principal</c> and <c>resource</c>: <c>*</c> any run of characters, <c>?</c> one.</summary>
internal static class WildcardName
{
    /// <summary>
    /// Whether <paramref name="pattern"/> matches <paramref name="value"/>, case-sensitively as ARNs are; a pattern
    /// without <c>:</c> is matched against the value's name (what follows its last <c>/</c>: <c>etl-runner</c>) and
    /// against its resource part (what follows its last <c>:</c>: <c>role/service-role/etl-runner</c>).
    /// </summary>
    public static bool Matches(string pattern, string value)
    {
        if (pattern.Contains(':', StringComparison.Ordinal))
        {
            return Glob(pattern, value);
        }
        return Glob(pattern, value[(value.LastIndexOf('/') + 1)..]) || Glob(pattern, value[(value.LastIndexOf(':') + 1)..]);
    }

    // Iterative with one backtrack point: linear in practice and never recursive, whatever the pattern.
    private static bool Glob(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
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
}
