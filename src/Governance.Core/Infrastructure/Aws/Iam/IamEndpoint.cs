using Amazon;

namespace Governance.Core.Infrastructure.Aws.Iam;

/// <summary>Where IAM requests go and the region they are signed for.</summary>
/// <param name="Url">The endpoint's base address.</param>
/// <param name="SigningRegion">The SigV4 credential-scope region.</param>
/// <param name="Partition">The partition, e.g. <c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>.</param>
public sealed record IamEndpoint(Uri Url, string SigningRegion, string Partition)
{
    /// <summary>IAM's signing name.</summary>
    public const string SigningName = "iam";

    /// <summary>
    /// Resolves the endpoint as the AWS SDKs do. IAM is a global service: one endpoint per partition, whatever the
    /// region (<c>https://iam.amazonaws.com</c> signed for <c>us-east-1</c> in <c>aws</c>). The region only chooses the
    /// partition: the connection's region, else <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the
    /// profile's region, else <c>aws</c>. <c>AWS_ENDPOINT_URL_IAM</c>, then <c>AWS_ENDPOINT_URL</c>, replace the address
    /// (plain <c>http</c> included) unless <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is true; the signing region stays.
    /// </summary>
    /// <returns>The endpoint, or why it cannot be resolved.</returns>
    public static (IamEndpoint? Endpoint, string? Error) Resolve(AwsConnection connection, AwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(environment);
        var region = AwsRegion.Resolve(connection, environment);
        var partition = region is null ? "aws" : RegionEndpoint.GetBySystemName(region).PartitionName;
        var (url, signingRegion) = PartitionEndpoint(partition, region);
        if (!string.Equals(environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"], "true", StringComparison.OrdinalIgnoreCase)
            && (environment["AWS_ENDPOINT_URL_IAM"] ?? environment["AWS_ENDPOINT_URL"]) is { } configured)
        {
            if (!Uri.TryCreate(configured, UriKind.Absolute, out var overridden) || overridden.Scheme is not ("http" or "https"))
            {
                return (null, $"endpoint URL `{configured}` (AWS_ENDPOINT_URL_IAM or AWS_ENDPOINT_URL) is not an http or https URL");
            }
            url = overridden;
        }
        return (new IamEndpoint(url, signingRegion, partition), null);
    }

    // The partitions' IAM endpoints, as the IAM endpoints table and the SDKs' endpoint rules list them.
    private static (Uri Url, string SigningRegion) PartitionEndpoint(string partition, string? region) => partition switch
    {
        "aws-cn" => (new Uri("https://iam.cn-north-1.amazonaws.com.cn"), "cn-north-1"),
        "aws-us-gov" => (new Uri("https://iam.us-gov.amazonaws.com"), "us-gov-west-1"),
        "aws-iso" => (new Uri("https://iam.us-iso-east-1.c2s.ic.gov"), "us-iso-east-1"),
        "aws-iso-b" => (new Uri("https://iam.us-isob-east-1.sc2s.sgov.gov"), "us-isob-east-1"),
        "aws" => (new Uri("https://iam.amazonaws.com"), "us-east-1"),
        // Other partitions follow the SDKs' default rule: iam.{region}.{dnsSuffix}, signed for that region.
        _ => (new Uri($"https://iam.{region}.{RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix}"), region!),
    };
}
