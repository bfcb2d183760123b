namespace AwsReplay.Organizations;

/// <summary>One call the replay's organisation answered, after its signature was checked.</summary>
/// <param name="AccountId">The account whose credentials signed it.</param>
/// <param name="AccessKeyId">The access key that signed it.</param>
/// <param name="Service">The service: <c>organizations</c>, <c>sts</c>, <c>iam</c>, <c>s3</c> or <c>kms</c>.</param>
/// <param name="Operation">The operation, e.g. <c>ListAccountsForParent</c> or <c>GetBucketPolicy</c>.</param>
/// <param name="Region">The region it was signed for.</param>
/// <param name="Resource">The bucket, key or parent it named, if any.</param>
public sealed record ReplayCall(string AccountId, string AccessKeyId, string Service, string Operation, string Region, string? Resource = null);
