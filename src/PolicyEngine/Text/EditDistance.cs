namespace PolicyEngine.Text;

/// <summary>Case-insensitive optimal-string-alignment distance (Levenshtein plus adjacent transpositions), with a cut-off.</summary>
internal static class EditDistance
{
    private const int StackLimit = 128;

    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>, or <c>limit + 1</c> when it exceeds <paramref name="limit"/>.</summary>
    public static int Compute(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        // Upper-case both once, so that the inner loop compares plain chars.
        Span<char> upper = a.Length + b.Length <= StackLimit ? stackalloc char[a.Length + b.Length] : new char[a.Length + b.Length];
        a.ToUpperInvariant(upper);
        b.ToUpperInvariant(upper[a.Length..]);
        ReadOnlySpan<char> x = upper[..a.Length];
        ReadOnlySpan<char> y = upper[a.Length..];

        int width = y.Length + 1;
        Span<int> rows = 3 * width <= StackLimit ? stackalloc int[3 * width] : new int[3 * width];
        Span<int> previous2 = rows[..width];
        Span<int> previous = rows.Slice(width, width);
        Span<int> current = rows.Slice(2 * width, width);
        for (int j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        int previousMin = 0;
        for (int i = 1; i <= x.Length; i++)
        {
            current[0] = i;
            int rowMin = i;
            char ca = x[i - 1];
            for (int j = 1; j < width; j++)
            {
                char cb = y[j - 1];
                int cost = ca == cb ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == y[j - 2] && x[i - 2] == cb)
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            // Every later cell comes from this row, or by a transposition (+1) from the row before.
            if (Math.Min(rowMin, previousMin + 1) > limit)
            {
                return limit + 1;
            }

            previousMin = rowMin;

            // Rotate the three rows without copying.
            Span<int> oldest = previous2;
            previous2 = previous;
            previous = current;
            current = oldest;
        }

        return Math.Min(previous[y.Length], limit + 1);
    }
}
