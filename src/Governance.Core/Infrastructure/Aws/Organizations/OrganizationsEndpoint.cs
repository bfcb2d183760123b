using Amazon;

namespace Governance.Core.Infrastructure.Aws.Organizations;

/// <summary>Where Organizations requests go and the region they are signed for.</summary>
/// <param name="Url">The endpoint's base address.</param>
/// <param name="SigningRegion">The SigV4 credential-scope region.</param>
public sealed record OrganizationsEndpoint(Uri Url, string SigningRegion)
{
    /// <summary>Organizations' signing name.</summary>
    public const string SigningName = "organizations";

    /// <summary>
    /// Resolves the endpoint as the AWS SDKs do. Organizations is global: one endpoint per partition
    /// (<c>https://organizations.us-east-1.amazonaws.com</c>, signed for <c>us-east-1</c>, in <c>aws</c>); the region only
    /// chooses the partition. <c>AWS_ENDPOINT_URL_ORGANIZATIONS</c>, then <c>AWS_ENDPOINT_URL</c>, replace the address.
    /// </summary>
    public static (OrganizationsEndpoint? Endpoint, string? Error) Resolve(string? region, AwsEnvironment environment)
    {
        var partition = region is null ? "aws" : RegionEndpoint.GetBySystemName(region).PartitionName;
        // The partitions' endpoints as the Organizations endpoints table lists them.
        var (url, signingRegion) = partition switch
        {
            "aws-cn" => (new Uri("https://organizations.cn-northwest-1.amazonaws.com.cn"), "cn-northwest-1"),
            "aws-us-gov" => (new Uri("https://organizations.us-gov-west-1.amazonaws.com"), "us-gov-west-1"),
            _ => (new Uri("https://organizations.us-east-1.amazonaws.com"), "us-east-1"),
        };
        var (configured, error) = AwsEndpointOverride.Find(environment, "ORGANIZATIONS");
        if (error is not null)
        {
            return (null, error);
        }
        return (new OrganizationsEndpoint(configured ?? url, signingRegion), null);
    }
}
