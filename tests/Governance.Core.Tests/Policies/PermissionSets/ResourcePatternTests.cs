using CsCheck;
using Governance.Core.Policies.PermissionSets;
using PolicyEngine.Matching;

namespace Governance.Core.Tests.Policies.PermissionSets;

public sealed class ResourcePatternTests
{
    private const string Glue = "arn:aws:glue:eu-west-1:1:job/";

    [Theory]
    [InlineData("arn:aws:s3:::lake-*", "arn:aws:s3:::lake-x", true)]
    [InlineData("arn:aws:s3:::lake-*", "arn:aws:s3:::lake-x/*", true)]
    [InlineData("arn:aws:s3:::lake-*", "arn:aws:s3:::lake-*", true)]
    [InlineData("arn:aws:s3:::lake-*", "arn:aws:s3:::lake-?", true)]
    [InlineData("arn:aws:s3:::lake-*", "arn:aws:s3:::*", false)]
    [InlineData("arn:aws:s3:::lake-*", "arn:aws:s3:::finance", false)]
    [InlineData("arn:aws:s3:::lake-raw", "arn:aws:s3:::lake-raw/2024/*", true)]
    [InlineData("arn:aws:s3:::lake-raw", "arn:aws:s3:::lake-raw2", false)]
    [InlineData("arn:aws:s3:::lake-?", "arn:aws:s3:::lake-*", false)]
    [InlineData("arn:aws:glue:eu-west-1:1:job/etl-*", "arn:aws:glue:eu-west-1:1:job/etl-orders", true)]
    [InlineData("arn:aws:glue:eu-west-1:1:job/etl-*", "arn:aws:glue:eu-west-1:1:job/etl-orders/x", true)]
    public void Covers_RequestedResource_MatchesOnlyWhenEveryInstanceIsAllowed(string pattern, string resource, bool expected)
        => Assert.Equal(expected, new ResourcePattern(pattern).Covers(resource));

    [Fact]
    public void Covers_RequestedPattern_EveryInstanceOfItMatchesThePattern()
    {
        // Sound: when a requested pattern is covered, each ARN it stands for (its '*' filled with any run and each '?'
        // with one character) matches the allowed pattern. Outside S3, whose buckets also cover their objects.
        var glob = Gen.String[Gen.OneOf('a', 'b', '*', '?'), 0, 6];
        var fills = Gen.String[Gen.OneOf('a', 'b'), 0, 3].Array[6];
        Gen.Select(glob, glob, fills).Sample((pattern, requested, fill) =>
        {
            if (!new ResourcePattern(Glue + pattern).Covers(Glue + requested))
            {
                return true;
            }
            return Wildcard.IsMatch(Glue + pattern, Glue + Instance(requested, fill), ignoreCase: false);
        }, iter: 20_000);
    }

    [Fact]
    public void Covers_OutsideS3_AgreesWithWildcardTextIsPattern()
    {
        // Apart from S3 buckets covering their objects, Covers is the glob's pattern-covers-pattern question.
        var glob = Gen.String[Gen.OneOf('a', 'b', ':', '/', '*', '?'), 0, 8];
        Gen.Select(glob, glob).Sample((pattern, requested) =>
            new ResourcePattern(Glue + pattern).Covers(Glue + requested) == Wildcard.IsMatch(Glue + pattern, Glue + requested, WildcardOptions.TextIsPattern),
            iter: 20_000);
    }

    /// <summary><paramref name="requested"/> with its i-th wildcard filled from <paramref name="fill"/>[i]: the run for '*', one character for '?'.</summary>
    private static string Instance(string requested, string[] fill)
    {
        var i = 0;
        return string.Concat(requested.Select(c => c switch
        {
            '*' => fill[i++],
            '?' => fill[i++] is { Length: > 0 } run ? run[..1] : "b",
            _ => c.ToString(),
        }));
    }
}
