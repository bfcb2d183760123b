namespace PolicyEngine.Text;

/// <summary>Finds the known name nearest to a mistyped one, for "did you mean" hints.</summary>
public static class Suggestions
{
    /// <summary>The closest of <paramref name="candidates"/> to <paramref name="input"/>, or null when none is close.</summary>
    /// <remarks>
    /// A candidate that differs only in case always wins. Otherwise the edit distance must be at most a third of
    /// the input's length (at least 1), so that unrelated names are not offered.
    /// </remarks>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = Math.Max(1, input.Length / 3) + 1;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, input, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
            var distance = Distance(input, candidate, bestDistance);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        return best;
    }

    /// <summary>Case-insensitive Levenshtein distance, giving up (returning <paramref name="limit"/>) once it reaches it.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) >= limit)
        {
            return limit;
        }
        Span<int> previous = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin >= limit)
            {
                return limit;
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return Math.Min(previous[b.Length], limit);
    }
}
