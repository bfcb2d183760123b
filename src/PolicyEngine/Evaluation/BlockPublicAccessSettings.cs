namespace PolicyEngine.Evaluation;

/// <summary>The S3 Block Public Access settings in force for a bucket: its own and its owner's account's, combined.</summary>
/// <remarks>
/// "If the block public access settings for the access point, bucket, or account differ, then Amazon S3 applies the most
/// restrictive combination" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html):
/// a setting is on when any level turns it on, which <see cref="MostRestrictive"/> computes.
/// </remarks>
/// <param name="BlockPublicAcls">Requests that would set a public ACL fail; existing ACLs are untouched.</param>
/// <param name="IgnorePublicAcls">ACL grants to <c>AllUsers</c> and <c>AuthenticatedUsers</c> on the bucket and its objects are ignored.</param>
/// <param name="BlockPublicPolicy">Putting a public bucket policy fails; an existing policy is untouched.</param>
/// <param name="RestrictPublicBuckets">
/// While the bucket policy is public, only AWS service principals and principals of the bucket owner's account get the
/// access the policy grants: every cross-account and anonymous grant of the policy is blocked.
/// </param>
public sealed record BlockPublicAccessSettings(bool BlockPublicAcls, bool IgnorePublicAcls, bool BlockPublicPolicy, bool RestrictPublicBuckets)
{
    /// <summary>All four settings off: nothing is blocked.</summary>
    public static BlockPublicAccessSettings Off { get; } = new(false, false, false, false);

    /// <summary>All four settings on.</summary>
    public static BlockPublicAccessSettings All { get; } = new(true, true, true, true);

    /// <summary>The combination of this level's settings with <paramref name="other"/>'s: each setting on where either turns it on.</summary>
    public BlockPublicAccessSettings MostRestrictive(BlockPublicAccessSettings? other)
        => other is null
            ? this
            : new(BlockPublicAcls || other.BlockPublicAcls, IgnorePublicAcls || other.IgnorePublicAcls,
                BlockPublicPolicy || other.BlockPublicPolicy, RestrictPublicBuckets || other.RestrictPublicBuckets);
}
