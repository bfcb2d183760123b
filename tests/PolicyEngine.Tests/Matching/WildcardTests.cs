using CsCheck;
using PolicyEngine.Matching;

namespace PolicyEngine.Tests.Matching;

// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
public sealed class WildcardTests
{
    private const int Iterations = 20_000;

    [Theory]
    [InlineData("", "", false, true)]
    [InlineData("", "a", false, false)]
    [InlineData("*", "", false, true)]
    [InlineData("?", "", false, false)]
    [InlineData("s3:Get*", "s3:GetObject", true, true)]
    [InlineData("s3:get*", "S3:GETOBJECT", true, true)]
    [InlineData("s3:get*", "s3:GetObject", false, false)]
    [InlineData("s3:?utObject", "s3:PutObject", true, true)]
    [InlineData("s3:?utObject", "s3:PPutObject", true, false)]
    [InlineData("arn:aws:s3:::lake/*", "arn:aws:s3:::lake/a/b.csv", false, true)]
    [InlineData("arn:aws:s3:::lake/*", "arn:aws:s3:::lake", false, false)]
    [InlineData("arn:aws:iam::*:role/*", "arn:aws:iam::123456789012:role/ops/admin", false, true)]
    [InlineData("a*b*c", "aXbYbZc", false, true)]
    [InlineData("a*b*c", "aXbYbZ", false, false)]
    [InlineData("*aaaaaaaaaaaaaaaaaaaa*b", "aaaaaaaaaaaaaaaaaaaab", false, true)]
    [InlineData("*aaaaaaaaaaaaaaaaaaaab*b", "aaaaaaaaaaaaaaaaaaaaab", false, false)]
    [InlineData("x*abababababababababac*y", "xabababababababababababacy", false, true)]
    public void IsMatch_IamGlob_MatchesTheWholeText(string pattern, string text, bool ignoreCase, bool expected)
        => Assert.Equal(expected, Wildcard.IsMatch(pattern, text, ignoreCase));

    [Theory]
    [InlineData("lake-*", "lake-?", true)]
    [InlineData("lake-*", "lake-*/*", true)]
    [InlineData("*", "**", true)]
    [InlineData("a*", "a*b?", true)]
    [InlineData("lake-?", "lake-*", false)]
    [InlineData("lake-?", "lake-?", true)]
    [InlineData("lake-x", "lake-?", false)]
    [InlineData("lake-*-raw", "lake-*", false)]
    [InlineData("?*", "*?", false)]
    public void IsMatch_TextIsPattern_MatchesOnlyWhenEveryInstanceOfTheTextDoes(string pattern, string text, bool expected)
        => Assert.Equal(expected, Wildcard.IsMatch(pattern, text, WildcardOptions.TextIsPattern));

    [Fact]
    public void IsMatch_MaskOfAnotherLength_Throws()
        => Assert.Throws<ArgumentException>(() => Wildcard.IsMatch("a*", [true], "ab", WildcardOptions.None));

    [Theory]
    [InlineData("s3:GetObject", false)]
    [InlineData("s3:Get*", true)]
    [InlineData("s3:?etObject", true)]
    [InlineData("", false)]
    public void HasWildcard_Text_TrueForStarOrQuestionMark(string text, bool expected)
        => Assert.Equal(expected, Wildcard.HasWildcard(text));

    [Fact]
    public void IsMatch_AnyPatternAndText_AgreesWithReference()
    {
        Gen.Select(Pattern, Text, Gen.Bool).Sample((pattern, text, ignoreCase) =>
            Wildcard.IsMatch(pattern, text, ignoreCase) == ReferenceGlob.IsMatch(pattern, null, text, ignoreCase, textIsPattern: false), iter: Iterations);
    }

    [Fact]
    public void IsMatch_AnyOptions_AgreesWithReference()
    {
        var options = Gen.OneOf(Gen.Const(WildcardOptions.None), Gen.Const(WildcardOptions.IgnoreCase), Gen.Const(WildcardOptions.TextIsPattern),
            Gen.Const(WildcardOptions.IgnoreCase | WildcardOptions.TextIsPattern));
        Gen.Select(Pattern, Text, options).Sample((pattern, text, options) =>
            Wildcard.IsMatch(pattern, text, options) == ReferenceGlob.IsMatch(pattern, null, text,
                options.HasFlag(WildcardOptions.IgnoreCase), options.HasFlag(WildcardOptions.TextIsPattern)), iter: Iterations);
    }

    [Fact]
    public void IsMatch_TextIsPattern_EveryInstanceOfTheTextMatches()
    {
        // Sound: fill each '*' of the text with a run and each '?' with one character, and the pattern still matches.
        var glob = Gen.String[Gen.OneOf('a', 'b', '*', '?'), 0, 7];
        var fills = Gen.String[Gen.OneOf('a', 'b'), 0, 3].Array[7];
        Gen.Select(glob, glob, fills).Sample((pattern, text, fill) =>
        {
            if (!Wildcard.IsMatch(pattern, text, WildcardOptions.TextIsPattern))
            {
                return true;
            }
            var i = 0;
            var instance = string.Concat(text.Select(c => c switch
            {
                '*' => fill[i++],
                '?' => fill[i++] is { Length: > 0 } run ? run[..1] : "b",
                _ => c.ToString(),
            }));
            return Wildcard.IsMatch(pattern, instance, ignoreCase: false);
        }, iter: Iterations);
    }

    [Fact]
    public void IsMatch_MaskedPattern_AgreesWithReference()
    {
        Gen.Select(MaskedPattern, Text, Gen.Bool).Sample((masked, text, ignoreCase) =>
        {
            var (pattern, wild) = masked;
            return Wildcard.IsMatch(pattern, wild, text, ignoreCase ? WildcardOptions.IgnoreCase : WildcardOptions.None)
                == ReferenceGlob.IsMatch(pattern, wild, text, ignoreCase, textIsPattern: false);
        }, iter: Iterations);
    }

    [Fact]
    public void IsMatch_LongSegments_AgreesWithReference()
    {
        // Segments longer than the sliding search's limit go through KMP: mostly 'a', so borders and near-misses abound.
        var options = Gen.OneOf(Gen.Const(WildcardOptions.None), Gen.Const(WildcardOptions.IgnoreCase), Gen.Const(WildcardOptions.TextIsPattern),
            Gen.Const(WildcardOptions.IgnoreCase | WildcardOptions.TextIsPattern));
        Gen.Select(LongPatternAndText, options).Sample((pair, options) =>
            Wildcard.IsMatch(pair.Pattern, pair.Text, options) == ReferenceGlob.IsMatch(pair.Pattern, null, pair.Text,
                options.HasFlag(WildcardOptions.IgnoreCase), options.HasFlag(WildcardOptions.TextIsPattern)), iter: Iterations);
    }

    [Fact]
    public void IsMatch_SegmentsWithAQuestionMarkLongerThanAWord_AgreesWithReference()
    {
        // Segments of 65 to 200 characters with '?': the state spans several 64-bit words, and carries cross them.
        var segment = Gen.String[Gen.Frequency((30, Gen.Const('a')), (3, Gen.Const('A')), (2, Gen.Const('b')), (1, Gen.Const('é')), (2, Gen.Const('?'))), 65, 200];
        var pattern = Gen.Select(Gen.String[Gen.OneOf('a', 'b', '?'), 0, 3], segment, Gen.String[Gen.OneOf('a', 'b'), 0, 3])
            .Select(static (head, middle, tail) => $"{head}*{middle}*{tail}");
        var options = Gen.OneOf(Gen.Const(WildcardOptions.None), Gen.Const(WildcardOptions.IgnoreCase), Gen.Const(WildcardOptions.TextIsPattern));
        var pairs = from p in pattern
                    from fills in Gen.String[Gen.Frequency((10, Gen.Const('a')), (1, Gen.Const('É')), (1, Gen.Const('*'))), 0, 8].Array[p.Length]
                    from alter in Gen.Int[0, 3]
                    from at in Gen.Int[0, 400]
                    select (p, Alter(string.Concat(p.Select((c, i) => c switch { '*' => fills[i], '?' => fills[i] is { Length: > 0 } f ? f[..1] : "b", _ => c.ToString() })), alter, at));
        Gen.Select(pairs, options).Sample((pair, options) =>
            Wildcard.IsMatch(pair.Item1, pair.Item2, options) == ReferenceGlob.IsMatch(pair.Item1, null, pair.Item2,
                options.HasFlag(WildcardOptions.IgnoreCase), options.HasFlag(WildcardOptions.TextIsPattern)), iter: 2_000);
    }

    [Fact]
    public void IsMatch_LongMaskedSegments_AgreesWithReference()
    {
        var masked = LongPatternAndText.SelectMany(static pair => Gen.Frequency((1, Gen.Const(false)), (5, Gen.Const(true))).Array[pair.Pattern.Length]
            .Select(wild => (pair.Pattern, Wild: wild, pair.Text)));
        Gen.Select(masked, Gen.Bool).Sample((m, ignoreCase) =>
            Wildcard.IsMatch(m.Pattern, m.Wild, m.Text, ignoreCase ? WildcardOptions.IgnoreCase : WildcardOptions.None)
                == ReferenceGlob.IsMatch(m.Pattern, m.Wild, m.Text, ignoreCase, textIsPattern: false), iter: Iterations);
    }

    [Theory]
    [InlineData(20_000)]
    public void IsMatch_AdversarialPatterns_AnswerCorrectly(int size)
    {
        // The shapes that made the old matcher cost pattern × text; the new one answers them by reading each once.
        var text = new string('a', size);
        Assert.False(Wildcard.IsMatch(string.Concat(Enumerable.Repeat("*a", size / 2)) + "*b", text, ignoreCase: false));
        Assert.False(Wildcard.IsMatch("*" + new string('a', size / 2) + "b", text, ignoreCase: false));
        Assert.True(Wildcard.IsMatch("*" + new string('a', size / 2) + "*", text, ignoreCase: false));
        Assert.True(Wildcard.IsMatch("*" + new string('A', size / 2) + "*a", text, ignoreCase: true));
    }

    private static Gen<string> Pattern => Gen.String[Gen.OneOf('a', 'A', 'b', 'é', 'É', ':', '*', '?'), 0, 8];

    // Text may hold '*' and '?': they match themselves, or a pattern's wildcards, like any other character.
    private static Gen<string> Text => Gen.String[Gen.OneOf('a', 'A', 'b', 'é', 'É', ':', '*', '?'), 0, 8];

    // Stars between runs of up to 30 mostly-'a' characters: segments past the sliding search's limit, full of borders.
    private static Gen<string> LongPattern => Gen.String[Gen.Frequency((20, Gen.Const('a')), (3, Gen.Const('A')), (3, Gen.Const('b')), (1, Gen.Const('é')), (1, Gen.Const('É')), (2, Gen.Const('?'))), 0, 30]
        .Array[1, 5].Select(static segments => string.Join('*', segments));

    // Random texts rarely match a long pattern, so half are an instance of it (each '*' filled, each '?' replaced), some then altered.
    private static Gen<(string Pattern, string Text)> LongPatternAndText =>
        from pattern in LongPattern
        from fills in Gen.String[Gen.Frequency((10, Gen.Const('a')), (1, Gen.Const('b')), (1, Gen.Const('É')), (1, Gen.Const('*'))), 0, 20].Array[pattern.Length]
        from alter in Gen.Int[0, 3]
        from at in Gen.Int[0, 200]
        from random in Gen.String[Gen.Frequency((30, Gen.Const('a')), (3, Gen.Const('A')), (2, Gen.Const('b')), (1, Gen.Const('*'))), 0, 100]
        select (pattern, alter switch
        {
            0 => random,
            _ => Alter(string.Concat(pattern.Select((c, i) => c switch { '*' => fills[i], '?' => fills[i] is { Length: > 0 } f ? f[..1] : "b", _ => c.ToString() })), alter, at),
        });

    private static string Alter(string text, int how, int at) => how switch
    {
        _ when text.Length == 0 => text,
        1 => text,
        2 => text.Remove(at % text.Length, 1),
        _ => text.Insert(at % text.Length, "a"),
    };

    private static Gen<(string Pattern, bool[] Wild)> MaskedPattern =>
        Gen.Select(Gen.OneOf('a', 'A', 'b', ':', '*', '?'), Gen.Bool).Array[0, 8]
            .Select(static cells => (new string([.. cells.Select(static c => c.Item1)]), cells.Select(static c => c.Item2).ToArray()));
}
