using System.Text.Json.Nodes;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Governance.Core.Infrastructure.Aws.Organizations;

namespace Governance.Core.Infrastructure.Aws.Crawl;

/// <summary>
/// Reads an account's <c>resources.json</c>: each bucket's region, policy, Block Public Access, Object Ownership and
/// default encryption (S3), and each KMS key with its key policy. <c>Other</c> is left empty here: the SNS and SQS
/// policies are <see cref="MessagingPoliciesReader"/>'s.
/// </summary>
/// <remarks>
/// A bucket's region is the one <c>ListBuckets</c> gives, else <c>GetBucketLocation</c>'s; its other calls are made
/// in that region. KMS keys are regional: they are listed in the crawl's region and in every region that holds one of the account's
/// buckets, where the keys that encrypt them usually are. Keys pending deletion are left out: they cannot be used, and
/// their policy may not be readable. The first call that fails fails the whole account: resources read in part would
/// answer as if a policy were absent where it is only unknown.
/// </remarks>
internal sealed class AccountResourcesReader(AWSCredentials credentials, SdkClientConfigs configs, string homeRegion) : IDisposable
{
    private readonly Dictionary<string, AmazonS3Client> _s3 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AmazonKeyManagementServiceClient> _kms = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _regions = new(StringComparer.Ordinal) { homeRegion };
    private AmazonS3Client? _locator;

    /// <summary>The regions read: the crawl's, and those of the account's buckets.</summary>
    public IReadOnlyCollection<string> Regions => _regions;

    public void Dispose()
    {
        _locator?.Dispose();
        foreach (var client in _s3.Values)
        {
            client.Dispose();
        }
        foreach (var client in _kms.Values)
        {
            client.Dispose();
        }
    }

    /// <summary>The account's <c>resources.json</c>, or the first call that failed.</summary>
    public async Task<(JsonObject? Resources, AwsCallError? Error)> ReadAsync(CancellationToken cancellationToken)
    {
        var (listed, listError) = await ListBucketsAsync(cancellationToken).ConfigureAwait(false);
        if (listed is null)
        {
            return (null, listError);
        }
        var buckets = new JsonArray();
        foreach (var (name, listedRegion) in listed)
        {
            var (bucket, region, error) = await ReadBucketAsync(name, listedRegion, cancellationToken).ConfigureAwait(false);
            if (bucket is null)
            {
                return (null, error);
            }
            buckets.Add(bucket);
            _regions.Add(region!);
        }
        var keys = new JsonArray();
        foreach (var region in _regions)
        {
            var error = await ReadKeysAsync(region, keys, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return (null, error);
            }
        }
        return (new JsonObject { ["Buckets"] = buckets, ["KmsKeys"] = keys, ["Other"] = new JsonArray() }, null);
    }

    /// <summary>Every bucket's name, with its region when <c>ListBuckets</c> gives it (AWS added <c>BucketRegion</c> in 2024).</summary>
    private async Task<(List<(string Name, string? Region)>? Buckets, AwsCallError? Error)> ListBucketsAsync(CancellationToken cancellationToken)
    {
        var buckets = new List<(string, string?)>();
        string? token = null;
        do
        {
            var request = new ListBucketsRequest { MaxBuckets = 1000, ContinuationToken = token };
            var (page, error) = await SdkCall.RunAsync("S3", "ListBuckets", () => S3(homeRegion).ListBucketsAsync(request, cancellationToken)).ConfigureAwait(false);
            if (page is null)
            {
                return (null, error);
            }
            buckets.AddRange((page.Buckets ?? []).Where(static b => !string.IsNullOrEmpty(b.BucketName))
                .Select(static b => (b.BucketName, b.BucketRegion is { Length: > 0 } region ? region : null)));
            token = page.ContinuationToken is { Length: > 0 } next && next != token ? next : null;
        }
        while (token is not null);
        return (buckets, null);
    }

    private async Task<(JsonObject? Bucket, string? Region, AwsCallError? Error)> ReadBucketAsync(string name, string? listedRegion,
        CancellationToken cancellationToken)
    {
        var (region, locationError) = listedRegion is null ? await LocateAsync(name, cancellationToken).ConfigureAwait(false) : (listedRegion, null);
        if (region is null)
        {
            return (null, null, locationError);
        }
        var s3 = S3(region);
        var (policy, policyError) = await SdkCall.RunAsync("S3", "GetBucketPolicy",
            () => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = name }, cancellationToken), "NoSuchBucketPolicy").ConfigureAwait(false);
        if (policyError is not null)
        {
            return (null, null, policyError);
        }
        var (block, blockError) = await SdkCall.RunAsync("S3", "GetPublicAccessBlock",
            () => s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = name }, cancellationToken),
            "NoSuchPublicAccessBlockConfiguration").ConfigureAwait(false);
        if (blockError is not null)
        {
            return (null, null, blockError);
        }
        var (ownership, ownershipError) = await SdkCall.RunAsync("S3", "GetBucketOwnershipControls",
            () => s3.GetBucketOwnershipControlsAsync(new GetBucketOwnershipControlsRequest { BucketName = name }, cancellationToken),
            "OwnershipControlsNotFoundError").ConfigureAwait(false);
        if (ownershipError is not null)
        {
            return (null, null, ownershipError);
        }
        var (encryption, encryptionError) = await SdkCall.RunAsync("S3", "GetBucketEncryption",
            () => s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = name }, cancellationToken),
            "ServerSideEncryptionConfigurationNotFoundError").ConfigureAwait(false);
        if (encryptionError is not null)
        {
            return (null, null, encryptionError);
        }
        var bucket = new JsonObject
        {
            ["Name"] = name,
            ["Region"] = region,
            ["Policy"] = policy?.Policy is { Length: > 0 } text ? text : null,
            ["PublicAccessBlock"] = block?.PublicAccessBlockConfiguration is { } c
                ? new JsonObject
                {
                    ["BlockPublicAcls"] = c.BlockPublicAcls ?? false,
                    ["IgnorePublicAcls"] = c.IgnorePublicAcls ?? false,
                    ["BlockPublicPolicy"] = c.BlockPublicPolicy ?? false,
                    ["RestrictPublicBuckets"] = c.RestrictPublicBuckets ?? false,
                }
                : null,
            ["OwnershipControls"] = ownership?.OwnershipControls?.Rules?.FirstOrDefault()?.ObjectOwnership?.Value,
            ["Encryption"] = Encryption(encryption?.ServerSideEncryptionConfiguration?.ServerSideEncryptionRules?.FirstOrDefault()),
        };
        return (bucket, region, null);
    }

    /// <summary>
    /// The bucket's region from <c>GetBucketLocation</c>, asked path-style in the crawl's region: the bucket's own
    /// virtual host would need its region first, and a us-east-1 client asking about another region's bucket has been refused.
    /// </summary>
    private async Task<(string? Region, AwsCallError? Error)> LocateAsync(string name, CancellationToken cancellationToken)
    {
        var (location, error) = await SdkCall.RunAsync("S3", "GetBucketLocation",
            () => Locator().GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = name }, cancellationToken)).ConfigureAwait(false);
        // GetBucketLocation answers nothing for us-east-1 and the legacy `EU` for eu-west-1.
        return location is null
            ? (null, error)
            : (location.Location?.Value switch
            {
                null or "" => "us-east-1",
                "EU" => "eu-west-1",
                var r => r,
            }, null);
    }

    private static JsonObject? Encryption(ServerSideEncryptionRule? rule)
    {
        if (rule?.ServerSideEncryptionByDefault?.ServerSideEncryptionAlgorithm?.Value is not { Length: > 0 } algorithm)
        {
            return null;
        }
        var encryption = new JsonObject { ["SSEAlgorithm"] = algorithm };
        if (rule.ServerSideEncryptionByDefault.ServerSideEncryptionKeyManagementServiceKeyId is { Length: > 0 } key)
        {
            encryption["KMSMasterKeyID"] = key;
        }
        encryption["BucketKeyEnabled"] = rule.BucketKeyEnabled ?? false;
        return encryption;
    }

    private async Task<AwsCallError?> ReadKeysAsync(string region, JsonArray into, CancellationToken cancellationToken)
    {
        var kms = Kms(region);
        string? marker = null;
        do
        {
            var request = new ListKeysRequest { Limit = 1000, Marker = marker };
            var (page, listError) = await SdkCall.RunAsync("KMS", "ListKeys", () => kms.ListKeysAsync(request, cancellationToken)).ConfigureAwait(false);
            if (page is null)
            {
                return listError;
            }
            foreach (var id in (page.Keys ?? []).Select(static k => k.KeyId).Where(static id => !string.IsNullOrEmpty(id)))
            {
                var (described, describeError) = await SdkCall.RunAsync("KMS", "DescribeKey",
                    () => kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = id }, cancellationToken)).ConfigureAwait(false);
                if (described?.KeyMetadata is not { } metadata)
                {
                    return describeError ?? new AwsCallError("KMS", "DescribeKey", "InvalidResponse", $"no key metadata for `{id}`");
                }
                if (metadata.KeyState?.Value is "PendingDeletion" or "PendingReplicaDeletion")
                {
                    continue;
                }
                var (policy, policyError) = await SdkCall.RunAsync("KMS", "GetKeyPolicy",
                    () => kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = id, PolicyName = "default" }, cancellationToken)).ConfigureAwait(false);
                if (policy?.Policy is not { Length: > 0 } text)
                {
                    return policyError ?? new AwsCallError("KMS", "GetKeyPolicy", "InvalidResponse", $"no policy for `{id}`");
                }
                into.Add(new JsonObject
                {
                    ["KeyId"] = metadata.KeyId ?? id,
                    ["Arn"] = metadata.Arn,
                    ["KeyManager"] = metadata.KeyManager?.Value,
                    ["Policy"] = text,
                });
            }
            marker = page.Truncated == true && page.NextMarker is { Length: > 0 } next && next != marker ? next : null;
        }
        while (marker is not null);
        return null;
    }

    private AmazonS3Client S3(string region)
    {
        if (!_s3.TryGetValue(region, out var client))
        {
            _s3[region] = client = new AmazonS3Client(credentials, configs.S3(region));
        }
        return client;
    }

    private AmazonS3Client Locator()
    {
        if (_locator is null)
        {
            var config = configs.S3(homeRegion);
            config.ForcePathStyle = true;
            _locator = new AmazonS3Client(credentials, config);
        }
        return _locator;
    }

    private AmazonKeyManagementServiceClient Kms(string region)
    {
        if (!_kms.TryGetValue(region, out var client))
        {
            _kms[region] = client = new AmazonKeyManagementServiceClient(credentials, configs.Kms(region));
        }
        return client;
    }
}
