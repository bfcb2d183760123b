using System.Text.Json;
using TestSupport.Cli;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Access;

/// <summary>
/// <c>can-i</c> through an S3 access point: <c>--access-point-bucket</c> and <c>--access-point-policy</c>.
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html
/// </summary>
public sealed class CanICommandAccessPointTests : IDisposable
{
    private const string AccessPoint = "arn:aws:s3:us-west-2:012345678901:accesspoint/lake-ap";
    private const string Object = AccessPoint + "/object/raw/a.parquet";
    private static readonly string Example = TestData.Account("cloudsplaining-example.json");
    private readonly List<string> _temporaryFiles = [];

    [Fact]
    public void CanI_AccessPointPolicyGrantsAndBucketDelegates_SaysYesNamingTheAccessPointPolicy()
    {
        // Arrange: MyOtherRole has no S3 grant of its own; the access point policy names it, the bucket delegates (Example 6).
        var (accessPointPolicy, bucketPolicy) = (GrantToRole(), Write(Delegating));

        // Act
        var (code, stdout, _) = CliRunner.Run("can-i", "s3:GetObject", Object, "--as", "MyOtherRole", "--account", Example,
            "--access-point-bucket", "lake-raw", "--access-point-policy", accessPointPolicy, "--resource-policy", bucketPolicy, "--explain");

        // Assert
        Assert.Equal(0, code);
        Assert.StartsWith("yes", stdout, StringComparison.Ordinal);
        Assert.Contains("allowed through the access point", stdout, StringComparison.Ordinal);
        Assert.Contains("(access point policy)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_BucketPolicyDoesNotDelegate_SaysNoNamingTheBucketPolicy()
    {
        var (code, stdout, _) = CliRunner.Run("can-i", "s3:GetObject", Object, "--as", "MyOtherRole", "--account", Example,
            "--access-point-bucket", "lake-raw", "--access-point-policy", GrantToRole());

        Assert.Equal(1, code);
        Assert.Equal("no - through the access point: the bucket policy neither delegates to the access point nor allows the same access", stdout.Trim());
    }

    [Fact]
    public void CanI_AccessPointPolicyDoesNotAllow_ReasonInJson()
    {
        var (code, stdout, _) = CliRunner.Run("can-i", "s3:PutObject", Object, "--as", "MyOtherRole", "--account", Example,
            "--access-point-bucket", "lake-raw", "--access-point-policy", GrantToRole(), "--resource-policy", Write(Delegating), "--output", "json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("AccessPointPolicyDoesNotAllow", json.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public void CanI_AccessPointPolicyWithoutBucket_ExitsTwo()
    {
        var (code, stdout, stderr) = CliRunner.Run("can-i", "s3:GetObject", Object, "--as", "MyOtherRole", "--account", Example,
            "--access-point-policy", GrantToRole());

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("--access-point-policy needs --access-point-bucket", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:s3:::lake-raw/raw/a.parquet", "lake-raw", "needs RESOURCE to be an access point ARN")]
    [InlineData(Object, "lake-raw/raw", "is not a bucket name")]
    public void CanI_AccessPointOptionsThatCannotApply_ExitTwo(string resource, string bucket, string expected)
    {
        var (code, _, stderr) = CliRunner.Run("can-i", "s3:GetObject", resource, "--as", "MyOtherRole", "--account", Example,
            "--access-point-bucket", bucket);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var file in _temporaryFiles)
        {
            File.Delete(file);
        }
    }

    private const string Delegating = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":["arn:aws:s3:::lake-raw","arn:aws:s3:::lake-raw/*"],"Condition":{"StringEquals":{"s3:DataAccessPointAccount":"012345678901"}}}]}
        """;

    private string GrantToRole() => Write($$"""
        {"Version":"2012-10-17","Statement":[{"Sid":"LakeReaders","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::012345678901:role/MyOtherRole"},"Action":"s3:GetObject","Resource":"{{AccessPoint}}/object/raw/*"}]}
        """);

    private string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"iamgov-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        _temporaryFiles.Add(path);
        return path;
    }
}
