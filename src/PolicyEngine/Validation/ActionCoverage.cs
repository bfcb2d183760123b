using PolicyEngine.Matching;

namespace PolicyEngine.Validation;

/// <summary>Whether one action or resource pattern covers another, for the redundancy checks.</summary>
internal static class ActionCoverage
{
    /// <summary>
    /// True when every action <paramref name="covered"/> matches is matched by <paramref name="cover"/> too.
    /// For two patterns the catalogue decides; equal sets count as covering (callers break the tie by position).
    /// </summary>
    public static bool Covers(ValidationContext context, string cover, string covered)
    {
        if (string.Equals(cover, covered, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!Wildcard.HasWildcard(cover))
        {
            return false;
        }
        if (!Wildcard.HasWildcard(covered))
        {
            return Wildcard.IsMatch(cover, covered, ignoreCase: true);
        }
        var actions = context.Expand(covered);
        if (actions.IsEmpty)
        {
            return false;
        }
        foreach (var action in actions)
        {
            if (!Wildcard.IsMatch(cover, action.FullName, ignoreCase: true))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when the ARN pattern <paramref name="cover"/> matches everything <paramref name="covered"/> does.</summary>
    /// <remarks>
    /// Sound, not complete: a cover with <c>?</c> is compared only for equality. A cover whose wildcards are all
    /// <c>*</c> and that matches the other pattern read literally covers it, because each of the other's wildcards
    /// then falls inside one of the cover's <c>*</c> runs.
    /// </remarks>
    public static bool CoversResource(string cover, string covered)
    {
        if (cover == "*" || string.Equals(cover, covered, StringComparison.Ordinal))
        {
            return true;
        }
        return cover.Contains('*', StringComparison.Ordinal)
            && !cover.Contains('?', StringComparison.Ordinal)
            && Wildcard.IsMatch(cover, covered, ignoreCase: false);
    }
}
