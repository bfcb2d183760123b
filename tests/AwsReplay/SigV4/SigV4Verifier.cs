using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AwsReplay.SigV4;

/// <summary>
/// Checks that a recorded request is a correct AWS Signature Version 4 request, by recomputing the signature from the
/// public algorithm: canonical request, string to sign, the HMAC chain that derives the signing key, and the
/// signature. Written apart from any AWS SDK so that it can judge the SDK's signer.
/// </summary>
public static class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The clock skew AWS accepts between X-Amz-Date and its own time.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    /// <summary>Verifies <paramref name="request"/> against the credentials and the expected credential scope.</summary>
    /// <param name="request">The request as the replay endpoint received it.</param>
    /// <param name="credentials">The credentials the client should have signed with.</param>
    /// <param name="service">The expected signing name, e.g. <c>iam</c> or <c>sts</c>.</param>
    /// <param name="region">The expected signing region, e.g. <c>us-east-1</c>.</param>
    /// <param name="now">When set, X-Amz-Date must lie within <see cref="AllowedSkew"/> of it.</param>
    public static SigV4Verification Verify(RecordedRequest request, SigV4Credentials credentials, string service, string region,
        DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var problems = new List<string>();
        var (header, parseProblem) = AuthorizationHeader.Parse(request.Header("Authorization"));
        if (header is null)
            return new SigV4Verification([parseProblem!], "", "", null);

        CheckScope(header, credentials, service, region, problems);
        var amzDate = CheckDate(request, header, now, problems);
        CheckSignedHeaders(request, header, credentials, problems);
        var payloadHash = PayloadHash(request, service, problems);

        var canonicalRequest = CanonicalRequest(request.Method, request.Path, request.Query,
            header.SignedHeaders.Select(name => (name, HeaderValue(request, name))), header.SignedHeaders, payloadHash,
            encodePathTwice: service != "s3");
        var stringToSign = StringToSign(amzDate, header.Scope, canonicalRequest);
        // The key is derived from the scope the client claimed: a wrong scope is reported above, and the signature
        // still tells whether the rest of the request was signed correctly.
        var signingKey = SigningKey(credentials.SecretAccessKey, header.ScopeDate, header.ScopeRegion, header.ScopeService);
        var expected = Signature(signingKey, stringToSign);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header.Signature)))
            problems.Add($"signature `{header.Signature}` is not the expected `{expected}`");
        return new SigV4Verification(problems, canonicalRequest, stringToSign, expected);
    }

    /// <summary>
    /// The canonical request: method, canonical URI, canonical query string, canonical headers, signed headers and
    /// payload hash, one per line.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path as sent on the wire (percent-encoded once).</param>
    /// <param name="query">The query string as sent on the wire, without <c>?</c>.</param>
    /// <param name="headers">The signed headers' names and values (several values already joined by commas).</param>
    /// <param name="signedHeaders">The signed header names, lower case, in order.</param>
    /// <param name="payloadHash">The lower-case hex SHA-256 of the body.</param>
    /// <param name="encodePathTwice">True for every service but S3, whose canonical URI is the path encoded once.</param>
    public static string CanonicalRequest(string method, string path, string query,
        IEnumerable<(string Name, string Value)> headers, IReadOnlyList<string> signedHeaders, string payloadHash, bool encodePathTwice = true)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(signedHeaders);
        var canonicalHeaders = new StringBuilder();
        foreach (var (name, value) in headers.OrderBy(h => h.Name.ToLowerInvariant(), StringComparer.Ordinal))
            canonicalHeaders.Append(name.ToLowerInvariant()).Append(':').Append(TrimAll(value)).Append('\n');
        return string.Join('\n',
            method.ToUpperInvariant(),
            encodePathTwice ? CanonicalUri(path) : (string.IsNullOrEmpty(path) ? "/" : path),
            CanonicalQuery(query),
            canonicalHeaders.ToString(),
            string.Join(';', signedHeaders),
            payloadHash);
    }

    /// <summary>The string to sign: algorithm, request date, credential scope and the hex SHA-256 of the canonical request.</summary>
    public static string StringToSign(string amzDate, string scope, string canonicalRequest)
        => string.Join('\n', Algorithm, amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

    /// <summary>The signing key: HMAC chain over date, region, service and <c>aws4_request</c>, keyed first by <c>"AWS4" + secret</c>.</summary>
    public static byte[] SigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        return key;
    }

    /// <summary>The signature: lower-case hex HMAC-SHA256 of the string to sign under the signing key.</summary>
    public static string Signature(byte[] signingKey, string stringToSign)
        => Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Lower-case hex, as SigV4 writes every digest.</summary>
    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>
    /// The canonical request's last line: the body's hex SHA-256, or what <c>x-amz-content-sha256</c> declares instead
    /// (<c>UNSIGNED-PAYLOAD</c>, a <c>STREAMING-…</c> variant), as S3 reads it. S3 requires the header; a declared hash
    /// must be the body's.
    /// </summary>
    private static string PayloadHash(RecordedRequest request, string service, List<string> problems)
    {
        var bodyHash = Hex(SHA256.HashData(request.Body));
        var declared = request.Header("x-amz-content-sha256");
        if (declared is null)
        {
            if (service == "s3")
                problems.Add("no x-amz-content-sha256 header: S3 requires it on every signed request");
            return bodyHash;
        }
        if (declared == "UNSIGNED-PAYLOAD" || declared.StartsWith("STREAMING-", StringComparison.Ordinal))
            return declared;
        if (declared != bodyHash)
            problems.Add($"x-amz-content-sha256 `{declared}` is not the body's hash `{bodyHash}`");
        return declared;
    }

    private static void CheckScope(AuthorizationHeader header, SigV4Credentials credentials, string service, string region, List<string> problems)
    {
        if (header.Algorithm != Algorithm)
            problems.Add($"algorithm `{header.Algorithm}` is not {Algorithm}");
        if (header.AccessKeyId != credentials.AccessKeyId)
            problems.Add($"access key `{header.AccessKeyId}` is not `{credentials.AccessKeyId}`");
        if (header.ScopeRegion != region)
            problems.Add($"credential scope region `{header.ScopeRegion}` is not `{region}`");
        if (header.ScopeService != service)
            problems.Add($"credential scope service `{header.ScopeService}` is not `{service}`");
        if (header.ScopeTerminator != "aws4_request")
            problems.Add($"credential scope ends with `{header.ScopeTerminator}`, not aws4_request");
    }

    private static string CheckDate(RecordedRequest request, AuthorizationHeader header, DateTimeOffset? now, List<string> problems)
    {
        var amzDate = request.Header("X-Amz-Date");
        if (amzDate is null)
        {
            problems.Add("no X-Amz-Date header");
            return "";
        }
        if (!DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
        {
            problems.Add($"X-Amz-Date `{amzDate}` is not in the form yyyyMMddTHHmmssZ");
            return amzDate;
        }
        if (!amzDate.StartsWith(header.ScopeDate, StringComparison.Ordinal) || header.ScopeDate.Length != 8)
            problems.Add($"credential scope date `{header.ScopeDate}` is not the date of X-Amz-Date `{amzDate}`");
        if (now is { } n && (signedAt - n).Duration() > AllowedSkew)
            problems.Add($"X-Amz-Date `{amzDate}` is more than {AllowedSkew.TotalMinutes} minutes from {n:O}");
        return amzDate;
    }

    private static void CheckSignedHeaders(RecordedRequest request, AuthorizationHeader header, SigV4Credentials credentials, List<string> problems)
    {
        var signed = header.SignedHeaders;
        if (!signed.SequenceEqual(signed.Select(h => h.ToLowerInvariant()).Order(StringComparer.Ordinal)))
            problems.Add($"SignedHeaders `{string.Join(';', signed)}` are not lower case in sorted order");
        foreach (var required in new[] { "host", "x-amz-date" })
        {
            if (!signed.Contains(required))
                problems.Add($"SignedHeaders do not include `{required}`");
        }
        foreach (var name in signed.Where(name => request.Header(name) is null))
            problems.Add($"signed header `{name}` is not in the request");

        var token = request.Header("X-Amz-Security-Token");
        if (credentials.SessionToken is null)
        {
            if (token is not null)
                problems.Add("X-Amz-Security-Token is present but the credentials have no session token");
        }
        else if (token is null)
            problems.Add("no X-Amz-Security-Token header although the credentials have a session token");
        else
        {
            if (token != credentials.SessionToken)
                problems.Add("X-Amz-Security-Token is not the credentials' session token");
            if (!signed.Contains("x-amz-security-token"))
                problems.Add("SignedHeaders do not include `x-amz-security-token`");
        }
    }

    private static string HeaderValue(RecordedRequest request, string name)
        => request.Headers.TryGetValue(name, out var values) ? string.Join(',', values.Select(TrimAll)) : "";

    // Header values: leading and trailing spaces removed, runs of spaces collapsed to one.
    private static string TrimAll(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim();

    // Non-S3 services: each path segment is encoded twice; the wire path is already encoded once.
    private static string CanonicalUri(string path)
        => string.IsNullOrEmpty(path) ? "/" : string.Join('/', path.Split('/').Select(UriEncode));

    private static string CanonicalQuery(string query)
    {
        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? "" : pair[(equals + 1)..];
                return (Name: UriEncode(Uri.UnescapeDataString(name)), Value: UriEncode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    // RFC 3986 unreserved characters stay; every other UTF-8 byte becomes %XY in upper-case hex.
    private static string UriEncode(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
