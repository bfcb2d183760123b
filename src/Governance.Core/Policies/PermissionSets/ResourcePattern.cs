using PolicyEngine.Matching;

namespace Governance.Core.Policies.PermissionSets;

/// <summary>
/// A pattern for the resources a permission set may be requested on, such as <c>arn:aws:s3:::lake-*</c>.
/// </summary>
/// <remarks>
/// <c>*</c> matches any run of characters and <c>?</c> one character, as in IAM. A requested resource may itself
/// contain wildcards; it is covered only when every ARN it could match is matched by the pattern, so a pattern's
/// <c>?</c> never matches a requested <c>*</c>. An S3 bucket pattern (no <c>/</c> after the bucket) also covers the
/// objects under the buckets it matches.
/// </remarks>
public readonly record struct ResourcePattern
{
    private const string S3Prefix = "arn:aws:s3:::";

    /// <summary>Creates a pattern; it must be an ARN pattern.</summary>
    public ResourcePattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        if (!pattern.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw new ArgumentException("a resource pattern is an ARN pattern starting with `arn:`", nameof(pattern));
        }
        Pattern = pattern;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    private bool IsS3BucketPattern => Pattern.StartsWith(S3Prefix, StringComparison.Ordinal) && Pattern.IndexOf('/', S3Prefix.Length) < 0;

    /// <summary>True when every ARN that <paramref name="resource"/> names is matched by this pattern.</summary>
    public bool Covers(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (Wildcard.IsMatch(Pattern, resource, WildcardOptions.TextIsPattern))
        {
            return true;
        }
        if (IsS3BucketPattern && resource.StartsWith(S3Prefix, StringComparison.Ordinal))
        {
            var slash = resource.IndexOf('/', S3Prefix.Length);
            return slash > S3Prefix.Length && Wildcard.IsMatch(Pattern, resource.AsSpan(0, slash), WildcardOptions.TextIsPattern);
        }
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Pattern;
}
