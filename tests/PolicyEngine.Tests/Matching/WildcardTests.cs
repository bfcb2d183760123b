using CsCheck;
using PolicyEngine.Evaluation.Variables;
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
    public void IsMatch_MaskedPattern_AgreesWithReference()
    {
        Gen.Select(MaskedPattern, Text, Gen.Bool).Sample((masked, text, ignoreCase) =>
        {
            var (pattern, wild) = masked;
            return MaskedWildcard.IsMatch(pattern, wild, text, ignoreCase) == ReferenceGlob.IsMatch(pattern, wild, text, ignoreCase, textIsPattern: false);
        }, iter: Iterations);
    }

    private static Gen<string> Pattern => Gen.String[Gen.OneOf('a', 'A', 'b', 'é', 'É', ':', '*', '?'), 0, 8];

    // Text may hold '*' and '?': they match themselves, or a pattern's wildcards, like any other character.
    private static Gen<string> Text => Gen.String[Gen.OneOf('a', 'A', 'b', 'é', 'É', ':', '*', '?'), 0, 8];

    private static Gen<(string Pattern, bool[] Wild)> MaskedPattern =>
        Gen.Select(Gen.OneOf('a', 'A', 'b', ':', '*', '?'), Gen.Bool).Array[0, 8]
            .Select(static cells => (new string([.. cells.Select(static c => c.Item1)]), cells.Select(static c => c.Item2).ToArray()));
}
