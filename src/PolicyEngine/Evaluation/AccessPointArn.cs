using PolicyEngine.Model;

namespace PolicyEngine.Evaluation;

/// <summary>A resource ARN that names an S3 access point, read into the parts the access point layer needs.</summary>
/// <param name="AccessPoint">The access point's own ARN, <c>arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME</c>: the value of <c>s3:DataAccessPointArn</c>.</param>
/// <param name="Partition">The ARN's partition, such as <c>aws</c>; the bucket's ARN is in the same one.</param>
/// <param name="Account">The access point owner's account: the value of <c>s3:DataAccessPointAccount</c>.</param>
/// <param name="ObjectKey">The object key after <c>/object/</c>; null when the ARN names the access point itself (bucket-level actions).</param>
/// <remarks>Formats: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-naming.html</remarks>
internal sealed record AccessPointArn(string AccessPoint, string Partition, string Account, string? ObjectKey)
{
    private const string Marker = "accesspoint/";
    private const string ObjectMarker = "/object/";

    /// <summary>Reads <paramref name="resource"/>; null when it is not an S3 access point ARN.</summary>
    public static AccessPointArn? TryRead(string resource)
    {
        // The cheap test first: most requests name no access point, and this runs once per request.
        if (!resource.Contains(":accesspoint/", StringComparison.Ordinal) || !Arn.TryParse(resource, out var arn)
            || !string.Equals(arn.Service, "s3", StringComparison.Ordinal) || arn.Account.Length == 0 || arn.Region.Length == 0)
        {
            return null;
        }
        var rest = arn.Resource;
        if (!rest.StartsWith(Marker, StringComparison.Ordinal))
        {
            return null;
        }
        var name = rest[Marker.Length..];
        string? key = null;
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (string.CompareOrdinal(name, slash, ObjectMarker, 0, ObjectMarker.Length) != 0)
            {
                return null;
            }
            key = name[(slash + ObjectMarker.Length)..];
            name = name[..slash];
        }
        if (name.Length == 0)
        {
            return null;
        }
        var prefixLength = resource.Length - rest.Length + Marker.Length + name.Length;
        return new AccessPointArn(resource[..prefixLength], arn.Partition, arn.Account, key);
    }

    /// <summary>The underlying bucket's ARN for the same resource: the bucket, or the object under the same key.</summary>
    public string BucketResource(string bucket)
        => ObjectKey is null ? $"arn:{Partition}:s3:::{bucket}" : $"arn:{Partition}:s3:::{bucket}/{ObjectKey}";
}
