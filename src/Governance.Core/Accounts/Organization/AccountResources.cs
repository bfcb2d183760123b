using System.Collections.Immutable;

namespace Governance.Core.Accounts.Organization;

/// <summary>One account's resources that carry their own policies: the content of its <c>resources.json</c>.</summary>
/// <param name="Buckets">Its S3 buckets.</param>
/// <param name="KmsKeys">Its KMS keys.</param>
/// <param name="Other">Every other resource policy, by ARN.</param>
public sealed record AccountResources(ImmutableArray<S3Bucket> Buckets, ImmutableArray<KmsKey> KmsKeys, ImmutableArray<ResourcePolicy> Other)
{
    /// <summary>An account known to have none.</summary>
    public static AccountResources Empty { get; } = new([], [], []);

    /// <summary>
    /// The account's own S3 Block Public Access settings (<c>aws s3control get-public-access-block</c>), which apply
    /// to every bucket it owns together with the bucket's; null when the snapshot does not say.
    /// </summary>
    public PublicAccessBlock? PublicAccessBlock { get; init; }
}
