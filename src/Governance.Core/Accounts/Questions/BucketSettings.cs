using Governance.Core.Accounts.Organization;
using PolicyEngine.Evaluation;

namespace Governance.Core.Accounts.Questions;

/// <summary>A snapshot's S3 bucket settings in the engine's terms: the Block Public Access in force and the Object Ownership.</summary>
internal static class BucketSettings
{
    /// <summary>
    /// The bucket's settings combined with its owner account's: S3 "applies the most restrictive combination of the
    /// access point, bucket, and account settings" (S3 User Guide, access-control-block-public-access.html). Null when
    /// neither level has settings in the snapshot.
    /// </summary>
    public static BlockPublicAccessSettings? BlockPublicAccess(S3Bucket bucket, AccountResources? account)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        var own = Settings(bucket.PublicAccessBlock);
        var accountLevel = Settings(account?.PublicAccessBlock);
        return own is null ? accountLevel : own.MostRestrictive(accountLevel);
    }

    /// <summary>The bucket's Object Ownership; null when the snapshot does not say (the reader accepts only the three names).</summary>
    public static ObjectOwnership? Ownership(S3Bucket bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return bucket.OwnershipControls switch
        {
            "BucketOwnerEnforced" => ObjectOwnership.BucketOwnerEnforced,
            "BucketOwnerPreferred" => ObjectOwnership.BucketOwnerPreferred,
            "ObjectWriter" => ObjectOwnership.ObjectWriter,
            _ => null,
        };
    }

    private static BlockPublicAccessSettings? Settings(PublicAccessBlock? block)
        => block is null ? null : new(block.BlockPublicAcls, block.IgnorePublicAcls, block.BlockPublicPolicy, block.RestrictPublicBuckets);
}
