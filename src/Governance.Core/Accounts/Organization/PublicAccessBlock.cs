namespace Governance.Core.Accounts.Organization;

/// <summary>A bucket's S3 Block Public Access settings, as <c>aws s3api get-public-access-block</c> prints them.</summary>
/// <param name="BlockPublicAcls">Rejects requests that set public ACLs.</param>
/// <param name="IgnorePublicAcls">Ignores public ACLs on the bucket and its objects.</param>
/// <param name="BlockPublicPolicy">Rejects bucket policies that grant public access.</param>
/// <param name="RestrictPublicBuckets">Limits a bucket with a public policy to AWS service principals and the owner's account.</param>
public sealed record PublicAccessBlock(bool BlockPublicAcls, bool IgnorePublicAcls, bool BlockPublicPolicy, bool RestrictPublicBuckets);
