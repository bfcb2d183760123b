using Governance.Core.Risk;

namespace Governance.Core.Tests.Risk;

public sealed class ProbeArnsTests
{
    private const string Account = "123456789012";

    [Theory]
    [InlineData("arn:aws:s3:::lake-*/*", "arn:aws:s3:::lake-iamgov-probe/iamgov-probe")]
    [InlineData("arn:*:iam::*:role/?dmin", "arn:aws:iam::123456789012:role/xdmin")]
    [InlineData("arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:us-east-1:123456789012:instance/iamgov-probe")]
    [InlineData("arn:aws-cn:logs:cn-north-1:444455556666:log-group:app:*", "arn:aws-cn:logs:cn-north-1:444455556666:log-group:app:iamgov-probe")]
    public void For_ArnPattern_FillsWildcardPartitionRegionAccountAndName(string pattern, string expected)
        => Assert.Equal([expected, "*"], ProbeArns.For("unknown:Action", [pattern], Account));

    [Theory]
    [InlineData("*")]
    [InlineData("arn:aws:rds:*")]
    [InlineData("lake-x/*")]
    public void For_NotASixFieldArn_GivesOnlyTheRepresentative(string pattern)
        => Assert.Equal(["*"], ProbeArns.For("unknown:Action", [pattern], Account));
}
