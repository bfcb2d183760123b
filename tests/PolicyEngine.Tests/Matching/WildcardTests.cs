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

    private static Gen<string> Pattern => Gen.String[Gen.OneOf('a', 'A', 'b', 'é', 'É', ':', '*', '?'), 0, 8];

    // Text may hold '*' and '?': they match themselves, or a pattern's wildcards, like any other character.
    private static Gen<string> Text => Gen.String[Gen.OneOf('a', 'A', 'b', 'é', 'É', ':', '*', '?'), 0, 8];

    private static Gen<(string Pattern, bool[] Wild)> MaskedPattern =>
        Gen.Select(Gen.OneOf('a', 'A', 'b', ':', '*', '?'), Gen.Bool).Array[0, 8]
            .Select(static cells => (new string([.. cells.Select(static c => c.Item1)]), cells.Select(static c => c.Item2).ToArray()));
}
