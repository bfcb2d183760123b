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

    /// <summary>Case-insensitive edit distance (adjacent transpositions count as one edit), capped at <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Math.Min(EditDistance.Compute(a, b, limit - 1), limit);
    }
}
