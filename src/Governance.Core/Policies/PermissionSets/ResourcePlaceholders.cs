namespace Governance.Core.Policies.PermissionSets;

/// <summary>The placeholders a permission set's statements may use for the resources a request names.</summary>
public static class ResourcePlaceholders
{
    /// <summary>Each requested resource, as written.</summary>
    public const string Resource = "{{resource}}";

    /// <summary>The S3 bucket of each requested resource: <c>arn:aws:s3:::BUCKET</c>.</summary>
    public const string Bucket = "{{bucket}}";

    /// <summary>The objects of each requested resource: the resource itself when it names objects, else <c>arn:aws:s3:::BUCKET/*</c>.</summary>
    public const string Objects = "{{objects}}";

    /// <summary>Every placeholder.</summary>
    public static readonly IReadOnlyList<string> All = [Resource, Bucket, Objects];

    private const string S3Prefix = "arn:aws:s3:::";

    /// <summary>True for the placeholders that only S3 ARNs can fill.</summary>
    public static bool NeedsS3(string template) => template is Bucket or Objects;

    /// <summary>True when the resource is an S3 bucket or object ARN with a bucket name.</summary>
    public static bool IsS3(string resource)
        => resource.StartsWith(S3Prefix, StringComparison.Ordinal) && resource.Length > S3Prefix.Length && resource[S3Prefix.Length] != '/';

    /// <summary>Fills <paramref name="template"/> (a placeholder or a literal ARN) for one requested resource.</summary>
    public static string Fill(string template, string resource)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(resource);
        return template switch
        {
            Resource => resource,
            Bucket => BucketOf(resource),
            Objects => resource.IndexOf('/', S3Prefix.Length) > 0 ? resource : BucketOf(resource) + "/*",
            _ => template,
        };
    }

    private static string BucketOf(string resource)
    {
        if (!IsS3(resource))
        {
            throw new ArgumentException($"`{resource}` is not an S3 ARN", nameof(resource));
        }
        var slash = resource.IndexOf('/', S3Prefix.Length);
        return slash < 0 ? resource : resource[..slash];
    }
}
