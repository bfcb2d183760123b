using PolicyEngine.Validation;

namespace PolicyEngine.Tests.Validation;

public sealed class ActionCoverageTests
{
    [Theory]
    [InlineData("*", "arn:aws:s3:::b/x*", true)]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::b/x*", true)]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::b", false)]
    [InlineData("arn:aws:s3:::b/x?", "arn:aws:s3:::b/x*", false)]
    [InlineData("arn:aws:s3:::b/x", "arn:aws:s3:::b/x", true)]
    [InlineData("arn:aws:s3:::B/*", "arn:aws:s3:::b/x", false)]
    public void CoversResource_Patterns_IsSoundAndCaseSensitive(string cover, string covered, bool expected)
        => Assert.Equal(expected, ActionCoverage.CoversResource(cover, covered));
}
