using PolicyEngine.Evaluation;

namespace Governance.Core.Accounts.Questions;

/// <summary>"Can I read (or write) this object?": every call that reading or writing <c>s3://BUCKET/KEY</c> makes must be allowed.</summary>
/// <param name="Kind">Read or write.</param>
/// <param name="Bucket">The bucket's name.</param>
/// <param name="Key">The object's key.</param>
/// <param name="Context">The condition keys the request carries (<c>aws:SecureTransport</c>, ...); the principal's own are added as for any question.</param>
public sealed record ObjectAccessQuestion(ObjectAccessKind Kind, string Bucket, string Key, RequestContext Context)
{
    /// <summary>The object's ARN, <c>arn:aws:s3:::BUCKET/KEY</c>.</summary>
    public string ObjectArn => $"arn:aws:s3:::{Bucket}/{Key}";

    /// <summary>Reads <c>s3://BUCKET/KEY</c>; null with <paramref name="error"/> set when it is not one object's URI.</summary>
    public static ObjectAccessQuestion? Parse(ObjectAccessKind kind, string uri, RequestContext context, out string? error)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(context);
        const string Scheme = "s3://";
        var slash = uri.StartsWith(Scheme, StringComparison.Ordinal) ? uri.IndexOf('/', Scheme.Length) : -1;
        if (slash <= Scheme.Length || slash == uri.Length - 1)
        {
            error = $"`{uri}` is not an object's URI, s3://BUCKET/KEY";
            return null;
        }
        var key = uri[(slash + 1)..];
        if (key.IndexOfAny(['*', '?']) >= 0)
        {
            error = $"`{uri}` has a wildcard; the question is about one object";
            return null;
        }
        error = null;
        return new ObjectAccessQuestion(kind, uri[Scheme.Length..slash], key, context);
    }
}
