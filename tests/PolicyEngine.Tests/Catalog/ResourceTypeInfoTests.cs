using PolicyEngine.Catalog;

namespace PolicyEngine.Tests.Catalog;

public sealed class ResourceTypeInfoTests
{
    private static ResourceTypeInfo Type(string service, string name)
    {
        Assert.True(ActionCatalog.Default.TryGetService(service, out ServiceInfo? info));
        Assert.True(info!.TryGetResourceType(name, out ResourceTypeInfo? type));
        return type!;
    }

    [Fact]
    public void Matches_ObjectArn_IsAnObjectNotABucket()
    {
        // Arrange
        const string arn = "arn:aws:s3:::lake-raw/x.parquet";

        // Act
        bool isObject = Type("s3", "object").Matches(arn);
        bool isBucket = Type("s3", "bucket").Matches(arn);

        // Assert
        Assert.True(isObject);
        Assert.False(isBucket, "a bucket name holds no '/'");
    }

    [Fact]
    public void Matches_BucketArn_IsABucketNotAnObject()
    {
        // Arrange
        const string arn = "arn:aws:s3:::lake-raw";

        // Act
        bool isObject = Type("s3", "object").Matches(arn);
        bool isBucket = Type("s3", "bucket").Matches(arn);

        // Assert
        Assert.False(isObject);
        Assert.True(isBucket);
    }

    [Theory]
    [InlineData("arn:aws:s3:::lake-raw/*", true, false)]
    [InlineData("arn:aws:s3:::lake-*", true, true)]
    [InlineData("arn:aws:s3:::*", true, true)]
    [InlineData("*", true, true)]
    [InlineData("arn:aws:s3:::home/${aws:username}/*", true, false)]
    [InlineData("arn:aws:s3:::lake-raw/?", true, false)]
    [InlineData("arn:aws:s3:us-east-1::lake-raw", false, false)]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:queue", false, false)]
    [InlineData("arn:aws:s3:::", false, false)]
    public void Matches_PolicyPattern_MatchesWhenSomeArnFitsBoth(string pattern, bool isObject, bool isBucket)
    {
        // Act
        bool objectResult = Type("s3", "object").Matches(pattern);
        bool bucketResult = Type("s3", "bucket").Matches(pattern);

        // Assert
        Assert.Equal(isObject, objectResult);
        Assert.Equal(isBucket, bucketResult);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/service-role/deployer", true)]
    [InlineData("arn:aws:iam::123456789012:role/*", true)]
    [InlineData("arn:aws:iam::123456789012:role/", false)]
    [InlineData("arn:aws:iam::123456789012:user/alice", false)]
    [InlineData("arn:aws:iam:us-east-1:123456789012:role/x", false)]
    [InlineData("arn:aws:iam::123456789012:Role/x", false)]
    public void Matches_RoleArn_FollowsTheFormat(string arn, bool expected)
    {
        // Act
        bool result = Type("iam", "role").Matches(arn);

        // Assert
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Matches_LogGroupNameWithSlashes_Matches()
    {
        // Act
        bool result = Type("logs", "log-group").Matches("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/ingest");

        // Assert
        Assert.True(result, "log group names hold '/'");
    }

    [Fact]
    public void Matches_WildcardAcrossFields_MayMatch()
    {
        // Act
        bool result = Type("sqs", "queue").Matches("arn:aws:sqs:*:orders");

        // Assert
        Assert.True(result, "'*' can stand for the region, the account and the colons between them");
    }

    [Fact]
    public void Matches_AccountFieldWithColon_DoesNotMatch()
    {
        // Act
        bool result = Type("sqs", "queue").Matches("arn:aws:sqs:us-east-1:123:456:orders");

        // Assert
        Assert.False(result, "placeholders in the account field and in a single-name resource part stop at ':'");
    }

    [Fact]
    public void Matches_ArnBuiltFromItsFormat_MatchesForEveryResourceType()
    {
        // Arrange
        var types = ActionCatalog.Default.Services.SelectMany(s => s.ResourceTypes).ToList();

        // Act
        var misses = types
            .Where(t => !t.Matches(System.Text.RegularExpressions.Regex.Replace(
                t.ArnFormat.Replace("${Partition}", "aws", StringComparison.Ordinal), @"\$\{[^}]*\}", "x1")))
            .Select(t => t.ArnFormat)
            .ToList();

        // Assert
        Assert.True(types.Count > 2_000, $"the data has 2,321 resource types, got {types.Count}");
        Assert.True(misses.Count == 0, "formats that reject their own ARN: " + string.Join(", ", misses));
    }
}
