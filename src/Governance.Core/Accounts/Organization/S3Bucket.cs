namespace Governance.Core.Accounts.Organization;

/// <summary>An S3 bucket with the settings that decide who may read and write it.</summary>
/// <param name="Name">The bucket's name, unique across AWS.</param>
/// <param name="Region">Its region; null when the snapshot does not say.</param>
/// <param name="Policy">Its bucket policy; null when it has none.</param>
/// <param name="PublicAccessBlock">Its Block Public Access settings; null when none are set on the bucket.</param>
/// <param name="OwnershipControls">Its Object Ownership setting (<c>BucketOwnerEnforced</c>, <c>BucketOwnerPreferred</c> or <c>ObjectWriter</c>); null when unknown.</param>
/// <param name="Encryption">Its default encryption; null when unknown.</param>
public sealed record S3Bucket(
    string Name,
    string? Region,
    PolicyText? Policy,
    PublicAccessBlock? PublicAccessBlock,
    string? OwnershipControls,
    BucketEncryption? Encryption)
{
    /// <summary>The bucket's ARN, <c>arn:aws:s3:::NAME</c>.</summary>
    public string Arn => "arn:aws:s3:::" + Name;
}
