namespace PolicyEngine.Evaluation;

/// <summary>The S3 access point a request goes through: its bucket, its policy and its network origin.</summary>
/// <remarks>
/// Applies to requests whose resource is an access point ARN (<c>arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME</c>, or
/// <c>.../accesspoint/NAME/object/KEY</c>); the access point's name, Region and account come from that ARN. "For an
/// application or user to be able to access objects through an access point, both the access point and the underlying
/// bucket ... must permit the request" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html):
/// identity policies and <see cref="Policy"/> are matched against the access point ARN, <see cref="PolicySet.ResourcePolicy"/>
/// (the bucket policy) against the bucket's ARN, and it must allow or delegate to access points.
/// </remarks>
public sealed record AccessPoint
{
    /// <summary>The internet network origin: the access point takes requests from anywhere (AWS's default).</summary>
    public const string InternetOrigin = "Internet";

    /// <summary>The VPC network origin: the access point takes requests from one VPC only.</summary>
    public const string VpcOrigin = "VPC";

    /// <summary>Creates the access point of <paramref name="bucketName"/>.</summary>
    public AccessPoint(string bucketName)
    {
        ArgumentNullException.ThrowIfNull(bucketName);
        BucketName = bucketName;
    }

    /// <summary>True when <paramref name="resource"/> is an S3 access point ARN, the resource this layer applies to.</summary>
    public static bool IsAccessPointArn(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return AccessPointArn.TryRead(resource) is not null;
    }

    /// <summary>The name of the underlying bucket.</summary>
    public string BucketName { get; }

    /// <summary>The bucket owner's account when it is not the access point's (a cross-account access point); null otherwise.</summary>
    public string? BucketAccount { get; init; }

    /// <summary>The access point policy; null when the access point has none.</summary>
    public NamedPolicy? Policy { get; init; }

    /// <summary>
    /// <see cref="InternetOrigin"/> or <see cref="VpcOrigin"/>: the value of <c>s3:AccessPointNetworkOrigin</c> in requests
    /// through the access point.
    /// </summary>
    public string NetworkOrigin { get; init; } = InternetOrigin;
}
