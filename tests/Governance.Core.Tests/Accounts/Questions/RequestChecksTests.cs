using System.Collections.Immutable;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;

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

    [Theory]
    [InlineData("arn:aws:s3:::lake-x/a\"b")]
    [InlineData("arn:aws:s3:::lake-x/a\0b")]
    [InlineData("arn:aws:s3:::lake-x/a\nforged")]
    [InlineData("arn:aws:s3:::lake-x/a b")]
    public void CheckResource_QuoteNulControlOrSpace_IsRefusedBeforeParsing(string resource)
        => Assert.Contains("which no ARN holds", RequestChecks.CheckResource(resource), StringComparison.Ordinal);

    [Fact]
    public void CheckResource_LongerThanAnArn_NamesTheLimit()
        => Assert.Contains("at most 2048", RequestChecks.CheckResource("arn:aws:s3:::lake-x/" + new string('a', 2048)), StringComparison.Ordinal);

    [Fact]
    public void CheckRequestBounds_WithinAndPastAwsLimits_RefusesOnlyPast()
    {
        // Arrange
        var fits = AuthorizationRequest.Create("arn:aws:iam::111122223333:role/a", "s3:GetObject", "arn:aws:s3:::b/" + new string('k', 2000));
        var longResource = AuthorizationRequest.Create("arn:aws:iam::111122223333:role/a", "s3:GetObject", "arn:aws:s3:::b/" + new string('k', 2048));
        var longValue = AuthorizationRequest.Create("arn:aws:iam::111122223333:role/a", "s3:GetObject", "arn:aws:s3:::b/k", context:
            RequestContext.Create([KeyValuePair.Create("aws:SourceArn", ImmutableArray.Create(new string('v', 2049)))]));
        var manyKeys = AuthorizationRequest.Create("arn:aws:iam::111122223333:role/a", "s3:GetObject", "arn:aws:s3:::b/k", context:
            RequestContext.Create(Enumerable.Range(0, RequestChecks.MaxContextEntries + 1).Select(static i => KeyValuePair.Create($"k{i}", ImmutableArray.Create("v")))));

        // Act, Assert
        Assert.Null(RequestChecks.CheckRequestBounds(fits));
        Assert.Contains("resource", RequestChecks.CheckRequestBounds(longResource), StringComparison.Ordinal);
        Assert.Contains("aws:SourceArn", RequestChecks.CheckRequestBounds(longValue), StringComparison.Ordinal);
        Assert.Contains("context keys", RequestChecks.CheckRequestBounds(manyKeys), StringComparison.Ordinal);
    }
}
