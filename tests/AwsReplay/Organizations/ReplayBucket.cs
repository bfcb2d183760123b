namespace AwsReplay.Organizations;

/// <summary>A bucket the replay's S3 serves.</summary>
/// <param name="Name">The bucket's name.</param>
/// <param name="Region">Its region: S3 calls about it must be signed for this region.</param>
/// <param name="Policy">The bucket policy's text, or null for none (<c>NoSuchBucketPolicy</c>).</param>
/// <param name="BlockPublicAccess">The four Block Public Access settings in order (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets), or null for none.</param>
/// <param name="ObjectOwnership">The ownership controls' rule, or null for none.</param>
/// <param name="SseAlgorithm">The default encryption's algorithm, or null for none.</param>
/// <param name="KmsKeyId">The default encryption's KMS key, when SSE-KMS.</param>
/// <param name="BucketKeyEnabled">Whether the default encryption uses an S3 Bucket Key.</param>
public sealed record ReplayBucket(string Name, string Region, string? Policy, bool[]? BlockPublicAccess, string? ObjectOwnership,
    string? SseAlgorithm, string? KmsKeyId = null, bool BucketKeyEnabled = false);
