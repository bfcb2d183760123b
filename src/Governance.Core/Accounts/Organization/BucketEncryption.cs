namespace Governance.Core.Accounts.Organization;

/// <summary>A bucket's default encryption, as <c>aws s3api get-bucket-encryption</c> prints its rule.</summary>
/// <param name="SseAlgorithm"><c>AES256</c> (SSE-S3), <c>aws:kms</c> (SSE-KMS) or <c>aws:kms:dsse</c> (DSSE-KMS).</param>
/// <param name="KmsMasterKeyId">
/// The KMS key for SSE-KMS: a key ARN, key id, alias name or alias ARN, as configured; null for SSE-S3 or for the
/// account's AWS managed key <c>aws/s3</c>.
/// </param>
/// <param name="BucketKeyEnabled">True when S3 Bucket Keys reduce the calls to KMS.</param>
public sealed record BucketEncryption(string SseAlgorithm, string? KmsMasterKeyId, bool BucketKeyEnabled)
{
    /// <summary>True for SSE-KMS and DSSE-KMS: reading an object also needs <c>kms:Decrypt</c> on the key.</summary>
    public bool UsesKms => SseAlgorithm.StartsWith("aws:kms", StringComparison.Ordinal);
}
