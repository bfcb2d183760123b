using System.Diagnostics.CodeAnalysis;

namespace PolicyEngine.Model;

/// <summary>
/// An Amazon Resource Name read into its six fields, <c>arn:partition:service:region:account:resource</c>.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
/// </summary>
/// <remarks>
/// <para>Grammar: the text starts with <c>arn:</c> (lower case, as AWS writes it) and has at least five colons. The
/// first four fields after <c>arn</c> stop at the next colon; the resource is the rest of the text, colons and slashes
/// included (<c>arn:aws:logs:us-east-1:123456789012:log-group:app:*</c>, <c>arn:aws:iam::123456789012:role/ops/admin</c>).
/// Text with fewer fields is not an ARN, not even an ARN with missing fields.</para>
/// <para>Empty fields are read as empty, not refused. Region and account are empty for resources that have none:
/// S3 buckets and objects (<c>arn:aws:s3:::bucket/key</c>) have neither, IAM has no region. Every ARN AWS issues names
/// its partition, service and resource, but the engine reads policy and request text field by field as AWS compares
/// it, so an empty one is data; a check that needs them (a resource a user asks about, say) tests for them.
/// Nothing else is checked either: not the characters, nor a known partition or service, nor a 12-digit account.</para>
/// <para>One type for ARNs and ARN patterns. A policy's <c>arn:aws:s3:::lake-*/*</c> has the same six fields as the
/// ARN of a request, and <c>*</c> and <c>?</c> are ordinary characters here: an S3 object key may hold them, so only
/// where the text comes from (a policy's Resource, or a request) says whether it is a pattern. Matching is
/// <see cref="Matching.Wildcard"/>'s; its <c>HasWildcard</c> tells whether a field holds one. A pattern with fewer
/// fields, such as <c>arn:aws:rds:*</c> (which IAM accepts), is not an <see cref="Arn"/>: it is only a glob.</para>
/// <para><see cref="ToString"/> gives back the text exactly, and equality compares that text ordinally. Reading
/// allocates nothing; each property cuts its field from the text when read (a new string each time, none for an
/// empty field), so keep a field that is read more than once. <c>default(Arn)</c> was not read from any text: its
/// fields and its text are empty.</para>
/// </remarks>
public readonly record struct Arn
{
    private const string Prefix = "arn:";

    // Invariant (unless default): _text starts with Prefix, and _service, _region, _account and _resource are the
    // indexes just after the first four colons that follow it, in increasing order; the partition starts at Prefix.Length.
    private readonly string? _text;
    private readonly int _service;
    private readonly int _region;
    private readonly int _account;
    private readonly int _resource;

    private Arn(string text, int service, int region, int account, int resource)
    {
        _text = text;
        _service = service;
        _region = region;
        _account = account;
        _resource = resource;
    }

    /// <summary>The partition: <c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, ...; empty when the text has none.</summary>
    public string Partition => Cut(Prefix.Length, _service - 1);

    /// <summary>The service namespace, such as <c>s3</c> or <c>iam</c>; empty when the text has none.</summary>
    public string Service => Cut(_service, _region - 1);

    /// <summary>The region, such as <c>us-east-1</c>; empty for global resources (IAM, S3 buckets).</summary>
    public string Region => Cut(_region, _account - 1);

    /// <summary>The account id; empty for resources without one (S3 buckets, AWS managed policies).</summary>
    public string Account => Cut(_account, _resource - 1);

    /// <summary>The resource, which may hold <c>:</c> and <c>/</c>: <c>role/path/name</c>, <c>bucket/key</c>, <c>log-group:name</c>.</summary>
    public string Resource => _text is null ? string.Empty : _text[_resource..];

    /// <summary>Reads <paramref name="text"/> as an ARN.</summary>
    /// <param name="text">The text; null is not an ARN.</param>
    /// <param name="arn">The ARN; <c>default</c> when the text is not one.</param>
    /// <returns>False unless the text starts with <c>arn:</c> and has at least five colons.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Arn arn)
    {
        arn = default;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var service = text.IndexOf(':', Prefix.Length) + 1;
        var region = service == 0 ? 0 : text.IndexOf(':', service) + 1;
        var account = region == 0 ? 0 : text.IndexOf(':', region) + 1;
        var resource = account == 0 ? 0 : text.IndexOf(':', account) + 1;
        if (resource == 0)
        {
            return false;
        }
        arn = new Arn(text, service, region, account, resource);
        return true;
    }

    /// <summary>Reads <paramref name="text"/> as an ARN.</summary>
    /// <exception cref="FormatException">The text is not an ARN (see <see cref="TryParse"/>).</exception>
    public static Arn Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var arn)
            ? arn
            : throw new FormatException($"`{text}` is not an ARN: expected arn:partition:service:region:account:resource");
    }

    /// <summary>The text the ARN was read from, exactly.</summary>
    public override string ToString() => _text ?? string.Empty;

    private string Cut(int start, int end) => _text is null ? string.Empty : _text[start..end];
}
