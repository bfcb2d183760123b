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
/// <para>Never backtracks: the segments between stars are placed leftmost, one after another. A segment without
/// <c>?</c> longer than a few characters is found by Knuth-Morris-Pratt, so adversarial patterns (<c>*a*a*a…b</c>,
/// <c>*aaa…ab</c> against <c>aaa…</c>) cost O(pattern + text); one with a <c>?</c> is searched bit-parallel
/// (Shift-And) in O(text × ceil(length / 64)) up to 4,096 characters, and by sliding, its length × the text left,
/// beyond. Allocates nothing for segments of up to 64 characters; longer ones use pooled tables (and a segment with
/// a <c>?</c> and non-ASCII letters, a mask per letter).</para>
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

    /// <summary>Segments no longer than this are searched by sliding; longer '?'-free ones by KMP, whose table costs more than it saves on short ones.</summary>
    private const int SlidingSearchMaxLength = 16;

    /// <summary>The longest segment with a <c>?</c> searched bit-parallel: one bit per character of a <see cref="ulong"/>.</summary>
    private const int ShiftAndMaxLength = 64;

    /// <summary>The most words of state for a longer segment with a <c>?</c>: 4,096 characters, twice the longest ARN.</summary>
    private const int ShiftAndMaxWords = 64;

    /// <summary>
    /// The matcher; an empty <paramref name="wildcards"/> makes every <c>*</c> and <c>?</c> a wildcard. The pattern is
    /// read as segments between its wildcard stars: the first must match the text's start, the last its end, and each
    /// one between at its leftmost place after the one before. Leftmost is always right: a segment has a fixed length,
    /// so an earlier place leaves more text, and the star after it can absorb whatever a later place would have skipped.
    /// </summary>
    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<bool> wildcards, ReadOnlySpan<char> text, WildcardOptions options)
    {
        var firstStar = NextStar(pattern, wildcards, 0);
        if (firstStar < 0)
        {
            return pattern.Length == text.Length && SegmentEquals(pattern, wildcards, text, options);
        }

        var lastStar = LastStar(pattern, wildcards);
        var headLength = firstStar;
        var tailLength = pattern.Length - lastStar - 1;
        if (headLength + tailLength > text.Length
            || !SegmentEquals(pattern[..headLength], Slice(wildcards, 0, headLength), text[..headLength], options)
            || !SegmentEquals(pattern[(lastStar + 1)..], Slice(wildcards, lastStar + 1, tailLength), text[(text.Length - tailLength)..], options))
        {
            return false;
        }

        // The segments between the first and the last star, each at its leftmost place in what the head and tail leave.
        var middle = text[headLength..(text.Length - tailLength)];
        var start = firstStar + 1;
        while (start < lastStar)
        {
            var end = NextStar(pattern, wildcards, start);
            var length = end - start;
            if (length > 0)
            {
                var found = IndexOf(pattern.Slice(start, length), Slice(wildcards, start, length), middle, options);
                if (found < 0)
                {
                    return false;
                }
                middle = middle[(found + length)..];
            }
            start = end + 1;
        }
        return true;
    }

    /// <summary>The index of the first wildcard <c>*</c> at or after <paramref name="from"/>, or -1.</summary>
    private static int NextStar(ReadOnlySpan<char> pattern, ReadOnlySpan<bool> wildcards, int from)
    {
        while (true)
        {
            var offset = pattern[from..].IndexOf('*');
            if (offset < 0)
            {
                return -1;
            }
            var index = from + offset;
            if (wildcards.IsEmpty || wildcards[index])
            {
                return index;
            }
            from = index + 1;
        }
    }

    /// <summary>The index of the last wildcard <c>*</c>; called only when there is one.</summary>
    private static int LastStar(ReadOnlySpan<char> pattern, ReadOnlySpan<bool> wildcards)
    {
        var end = pattern.Length;
        while (true)
        {
            var index = pattern[..end].LastIndexOf('*');
            if (wildcards.IsEmpty || wildcards[index])
            {
                return index;
            }
            end = index;
        }
    }

    private static ReadOnlySpan<bool> Slice(ReadOnlySpan<bool> wildcards, int start, int length)
        => wildcards.IsEmpty ? default : wildcards.Slice(start, length);

    /// <summary>Whether a star-free segment matches a text of the same length.</summary>
    private static bool SegmentEquals(ReadOnlySpan<char> segment, ReadOnlySpan<bool> wildcards, ReadOnlySpan<char> text, WildcardOptions options)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            if (!CharMatches(segment, wildcards, i, text[i], options))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether pattern character <paramref name="i"/> of a star-free segment matches <paramref name="c"/>.</summary>
    private static bool CharMatches(ReadOnlySpan<char> segment, ReadOnlySpan<bool> wildcards, int i, char c, WildcardOptions options)
    {
        var p = segment[i];
        if (p == '?' && (wildcards.IsEmpty || wildcards[i]))
        {
            // A '?' of the pattern never covers a '*' of a text that is itself a pattern: the '*' may stand for many characters.
            return (options & WildcardOptions.TextIsPattern) == 0 || c != '*';
        }
        return CharEquals(p, c, (options & WildcardOptions.IgnoreCase) != 0);
    }

    /// <summary>The leftmost place where a star-free segment matches in <paramref name="text"/>, or -1.</summary>
    private static int IndexOf(ReadOnlySpan<char> segment, ReadOnlySpan<bool> wildcards, ReadOnlySpan<char> text, WildcardOptions options)
    {
        if (segment.Length > text.Length)
        {
            return -1;
        }
        if (segment.Length > SlidingSearchMaxLength)
        {
            if (!HasWildcardQuestion(segment, wildcards))
            {
                return KnuthMorrisPrattIndexOf(segment, text, (options & WildcardOptions.IgnoreCase) != 0);
            }
            if (segment.Length <= ShiftAndMaxLength)
            {
                return ShiftAndIndexOf(segment, wildcards, text, options);
            }
            if (segment.Length <= ShiftAndMaxWords * 64)
            {
                return ShiftAndWordsIndexOf(segment, wildcards, text, options);
            }
        }

        // Short segments, and '?' segments longer than 4,096 characters: O(segment × text). The service takes no ARN or
        // context value that long, so there such a segment is refused by the length check above without a search.
        for (var at = 0; at <= text.Length - segment.Length; at++)
        {
            if (SegmentEquals(segment, wildcards, text.Slice(at, segment.Length), options))
            {
                return at;
            }
        }
        return -1;
    }

    private static bool HasWildcardQuestion(ReadOnlySpan<char> segment, ReadOnlySpan<bool> wildcards)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '?' && (wildcards.IsEmpty || wildcards[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Shift-And (Baeza-Yates and Gonnet): bit <c>i</c> of the state says whether the segment's first <c>i + 1</c>
    /// characters end at the current text character, so a <c>?</c> is just a position every character sets. O(text),
    /// plus a look-up among the segment's non-ASCII letters for a non-ASCII text character.
    /// </summary>
    private static int ShiftAndIndexOf(ReadOnlySpan<char> segment, ReadOnlySpan<bool> wildcards, ReadOnlySpan<char> text, WildcardOptions options)
    {
        var ignoreCase = (options & WildcardOptions.IgnoreCase) != 0;
        var textIsPattern = (options & WildcardOptions.TextIsPattern) != 0;
        Span<ulong> ascii = stackalloc ulong[128];
        ascii.Clear();
        Span<char> otherChars = stackalloc char[ShiftAndMaxLength];
        Span<ulong> otherMasks = stackalloc ulong[ShiftAndMaxLength];
        var others = 0;
        ulong anyChar = 0;
        for (var i = 0; i < segment.Length; i++)
        {
            var bit = 1UL << i;
            if (segment[i] == '?' && (wildcards.IsEmpty || wildcards[i]))
            {
                anyChar |= bit;
                continue;
            }
            // Letters compare by their invariant upper case, as CharEquals does, so each class of equal letters shares one mask.
            var folded = ignoreCase ? char.ToUpperInvariant(segment[i]) : segment[i];
            if (folded < 128)
            {
                ascii[folded] |= bit;
                continue;
            }
            var k = otherChars[..others].IndexOf(folded);
            if (k < 0)
            {
                k = others++;
                otherChars[k] = folded;
                otherMasks[k] = 0;
            }
            otherMasks[k] |= bit;
        }

        var last = 1UL << (segment.Length - 1);
        ulong state = 0;
        for (var t = 0; t < text.Length; t++)
        {
            var c = text[t];
            // A '?' never covers a '*' of a text that is itself a pattern.
            var mask = textIsPattern && c == '*' ? 0 : anyChar;
            var folded = ignoreCase ? char.ToUpperInvariant(c) : c;
            if (folded < 128)
            {
                mask |= ascii[folded];
            }
            else if (others > 0 && otherChars[..others].IndexOf(folded) is var k and >= 0)
            {
                mask |= otherMasks[k];
            }
            state = ((state << 1) | 1) & mask;
            if ((state & last) != 0)
            {
                return t - segment.Length + 1;
            }
        }
        return -1;
    }

    /// <summary>
    /// <see cref="ShiftAndIndexOf"/> for a segment longer than one word: the state spans <c>ceil(length / 64)</c> words,
    /// so the search costs O(text × words) with at most <see cref="ShiftAndMaxWords"/> words. The tables are pooled.
    /// </summary>
    private static int ShiftAndWordsIndexOf(ReadOnlySpan<char> segment, ReadOnlySpan<bool> wildcards, ReadOnlySpan<char> text, WildcardOptions options)
    {
        var ignoreCase = (options & WildcardOptions.IgnoreCase) != 0;
        var textIsPattern = (options & WildcardOptions.TextIsPattern) != 0;
        var words = (segment.Length + 63) / 64;
        var pool = System.Buffers.ArrayPool<ulong>.Shared;
        var ascii = pool.Rent(128 * words);
        var anyChar = pool.Rent(words);
        var state = pool.Rent(words);
        try
        {
            Array.Clear(ascii, 0, 128 * words);
            Array.Clear(anyChar, 0, words);
            Array.Clear(state, 0, words);
            Dictionary<char, ulong[]>? others = null;
            for (var i = 0; i < segment.Length; i++)
            {
                var (word, bit) = (i >> 6, 1UL << (i & 63));
                if (segment[i] == '?' && (wildcards.IsEmpty || wildcards[i]))
                {
                    anyChar[word] |= bit;
                    continue;
                }
                var folded = ignoreCase ? char.ToUpperInvariant(segment[i]) : segment[i];
                if (folded < 128)
                {
                    ascii[(folded * words) + word] |= bit;
                    continue;
                }
                others ??= [];
                if (!others.TryGetValue(folded, out var masks))
                {
                    others[folded] = masks = new ulong[words];
                }
                masks[word] |= bit;
            }

            var (lastWord, lastBit) = ((segment.Length - 1) >> 6, 1UL << ((segment.Length - 1) & 63));
            for (var t = 0; t < text.Length; t++)
            {
                var c = text[t];
                var folded = ignoreCase ? char.ToUpperInvariant(c) : c;
                ReadOnlySpan<ulong> literal = folded < 128 ? ascii.AsSpan(folded * words, words)
                    : others is not null && others.TryGetValue(folded, out var masks) ? masks : default;
                // A '?' never covers a '*' of a text that is itself a pattern.
                var wild = textIsPattern && c == '*' ? default : anyChar.AsSpan(0, words);
                ulong carry = 1;
                for (var w = 0; w < words; w++)
                {
                    var before = state[w];
                    var allowed = (wild.IsEmpty ? 0 : wild[w]) | (literal.IsEmpty ? 0 : literal[w]);
                    state[w] = ((before << 1) | carry) & allowed;
                    carry = before >> 63;
                }
                if ((state[lastWord] & lastBit) != 0)
                {
                    return t - segment.Length + 1;
                }
            }
            return -1;
        }
        finally
        {
            pool.Return(ascii);
            pool.Return(anyChar);
            pool.Return(state);
        }
    }

    /// <summary>
    /// Knuth-Morris-Pratt: O(segment + text) whatever the characters, so a long literal after a star
    /// (<c>*aaa…ab</c> against <c>aaa…</c>) costs no more than reading both once.
    /// </summary>
    private static int KnuthMorrisPrattIndexOf(ReadOnlySpan<char> segment, ReadOnlySpan<char> text, bool ignoreCase)
    {
        const int StackLimit = 256;
        int[]? rented = null;
        var border = segment.Length <= StackLimit
            ? stackalloc int[StackLimit]
            : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(segment.Length));
        try
        {
            // border[i]: the length of the longest proper prefix of segment[..(i + 1)] that is also its suffix.
            border[0] = 0;
            for (int i = 1, k = 0; i < segment.Length; i++)
            {
                while (k > 0 && !CharEquals(segment[i], segment[k], ignoreCase))
                {
                    k = border[k - 1];
                }
                if (CharEquals(segment[i], segment[k], ignoreCase))
                {
                    k++;
                }
                border[i] = k;
            }
            for (int t = 0, k = 0; t < text.Length; t++)
            {
                while (k > 0 && !CharEquals(text[t], segment[k], ignoreCase))
                {
                    k = border[k - 1];
                }
                if (CharEquals(text[t], segment[k], ignoreCase))
                {
                    k++;
                }
                if (k == segment.Length)
                {
                    return t - k + 1;
                }
            }
            return -1;
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private static bool CharEquals(char a, char b, bool ignoreCase)
        => a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
