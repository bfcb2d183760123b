using Governance.Core.Policies.PermissionSets;

namespace Governance.Core.Tests.Policies.PermissionSets;

public sealed class ResourcePatternTests
{
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
}
