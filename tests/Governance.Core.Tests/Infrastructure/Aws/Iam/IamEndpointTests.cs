using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Aws.Iam;

namespace Governance.Core.Tests.Infrastructure.Aws.Iam;

public sealed class IamEndpointTests
{
    private static IamEndpoint Resolve(string? region, params (string Name, string Value)[] variables)
    {
        var (endpoint, error) = IamEndpoint.Resolve(new AwsConnection(region), AwsEnvironment.Of(variables.ToDictionary(v => v.Name, v => v.Value)));
        Assert.Null(error);
        return endpoint!;
    }

    [Theory]
    [InlineData("us-east-1", "https://iam.amazonaws.com/", "us-east-1", "aws")]
    [InlineData("eu-west-1", "https://iam.amazonaws.com/", "us-east-1", "aws")]
    [InlineData("cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1", "aws-cn")]
    [InlineData("us-gov-east-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1", "aws-us-gov")]
    public void Resolve_Region_GlobalEndpointOfItsPartition(string region, string url, string signingRegion, string partition)
    {
        var endpoint = Resolve(region, ("AWS_REGION", "ap-south-1"));

        Assert.Equal(new IamEndpoint(new Uri(url), signingRegion, partition), endpoint);
    }

    [Fact]
    public void Resolve_NoRegionArgument_UsesAwsRegionThenAwsDefaultRegion()
    {
        Assert.Equal("aws-cn", Resolve(null, ("AWS_REGION", "cn-north-1"), ("AWS_DEFAULT_REGION", "us-east-1")).Partition);
        Assert.Equal("aws-us-gov", Resolve(null, ("AWS_DEFAULT_REGION", "us-gov-west-1")).Partition);
    }

    [Fact]
    public void Resolve_ServiceEndpointVariable_WinsOverGlobalOneAndKeepsSigningRegion()
    {
        var endpoint = Resolve("cn-north-1", ("AWS_ENDPOINT_URL_IAM", "http://127.0.0.1:4566"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:1"));

        Assert.Equal(new Uri("http://127.0.0.1:4566"), endpoint.Url);
        Assert.Equal("cn-north-1", endpoint.SigningRegion);
    }

    [Fact]
    public void Resolve_GlobalEndpointVariable_UsedWithoutServiceOne()
        => Assert.Equal(new Uri("http://127.0.0.1:1"), Resolve("us-east-1", ("AWS_ENDPOINT_URL", "http://127.0.0.1:1")).Url);

    [Fact]
    public void Resolve_IgnoreConfiguredEndpointUrls_KeepsRealEndpoint()
        => Assert.Equal(new Uri("https://iam.amazonaws.com"),
            Resolve("us-east-1", ("AWS_ENDPOINT_URL_IAM", "http://127.0.0.1:1"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")).Url);

    [Fact]
    public void Resolve_EndpointVariableNotAUrl_ErrorNamesVariables()
    {
        var (endpoint, error) = IamEndpoint.Resolve(new AwsConnection("us-east-1"),
            AwsEnvironment.Of(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_IAM"] = "ftp://x" }));

        Assert.Null(endpoint);
        Assert.Equal("endpoint URL `ftp://x` (AWS_ENDPOINT_URL_IAM or AWS_ENDPOINT_URL) is not an http or https URL", error);
    }
}
