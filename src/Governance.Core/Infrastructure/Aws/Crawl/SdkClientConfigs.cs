using Amazon;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;

namespace Governance.Core.Infrastructure.Aws.Crawl;

/// <summary>
/// The SDK clients' settings for one region: the SDK's own endpoint, or the one set in the environment
/// (<c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>), which is read from the crawl's
/// <see cref="AwsEnvironment"/> rather than the process's, and still signed for the region asked for.
/// </summary>
/// <param name="Environment">Where the endpoint variables are read.</param>
internal sealed record SdkClientConfigs(AwsEnvironment Environment)
{
    private static readonly string[] ServiceKeys = ["STS", "S3", "KMS", "SNS", "SQS"];

    /// <summary>Every service's endpoint variable is a valid address, or the first that is not.</summary>
    public string? Check()
        => ServiceKeys.Select(key => AwsEndpointOverride.Find(Environment, key).Error).FirstOrDefault(static e => e is not null);

    public AmazonSecurityTokenServiceConfig Sts(string region) => Configure(new AmazonSecurityTokenServiceConfig(), "STS", region);

    /// <summary>S3's settings; an endpoint of the environment is addressed path-style (<c>/BUCKET?policy</c>), since its host names no bucket.</summary>
    public AmazonS3Config S3(string region)
    {
        var config = Configure(new AmazonS3Config(), "S3", region);
        config.ForcePathStyle = config.ServiceURL is not null;
        return config;
    }

    public AmazonKeyManagementServiceConfig Kms(string region) => Configure(new AmazonKeyManagementServiceConfig(), "KMS", region);

    private T Configure<T>(T config, string serviceKey, string region)
        where T : ClientConfig
    {
        config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        // The crawl decides the endpoint: the process's own variables must not send one account's calls elsewhere.
        config.IgnoreConfiguredEndpointUrls = true;
        if (AwsEndpointOverride.Find(Environment, serviceKey).Url is { } url)
        {
            // ServiceURL resets RegionEndpoint: the signing region is given again.
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = region;
        }
        return config;
    }
}
