using Governance.Core.Accounts.Questions;

namespace Governance.Core.Tests.Accounts.Questions;

public sealed class RequestChecksTests
{
    [Theory]
    [InlineData("*")]
    [InlineData("arn:aws:s3:::lake-x")]
    [InlineData("arn:aws:s3:::lake-x/orders/1.parquet")]
    [InlineData("arn:aws:iam::123456789012:role/ops/admin")]
    [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:app:*")]
    [InlineData("arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    public void CheckResource_StarOrArnWithPartitionServiceAndResource_ReturnsNull(string resource)
        => Assert.Null(RequestChecks.CheckResource(resource));

    [Theory]
    [InlineData("lake-x/a")]
    [InlineData("arn:aws:s3")]
    [InlineData("arn:aws:iam::123456789012")]
    [InlineData("ARN:aws:s3:::lake-x")]
    [InlineData("arn::s3:::lake-x")]
    [InlineData("arn:aws::us-east-1:123456789012:thing")]
    [InlineData("arn:aws:s3:::")]
    public void CheckResource_NotASixFieldArn_SaysWhatAnArnIs(string resource)
        => Assert.Equal($"resource `{resource}` is not an ARN (arn:partition:service:region:account:resource) or `*`", RequestChecks.CheckResource(resource));
}
