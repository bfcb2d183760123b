namespace AwsReplay.SigV4;

/// <summary>
/// The parts of <c>Authorization: AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request,
/// SignedHeaders=h1;h2, Signature=HEX</c>.
/// </summary>
internal sealed record AuthorizationHeader(
    string Algorithm,
    string AccessKeyId,
    string ScopeDate,
    string ScopeRegion,
    string ScopeService,
    string ScopeTerminator,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public string Scope => $"{ScopeDate}/{ScopeRegion}/{ScopeService}/{ScopeTerminator}";

    /// <summary>Reads the header, or returns the reason it cannot be read.</summary>
    public static (AuthorizationHeader? Header, string? Problem) Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return (null, "no Authorization header");
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
            return (null, $"Authorization header `{value}` has no fields after the algorithm");
        var algorithm = value[..space];
        var fields = value[(space + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("Credential", out var credential)
            || !fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature))
            return (null, "Authorization header lacks one of Credential, SignedHeaders, Signature");
        var scope = credential.Split('/');
        if (scope.Length != 5)
            return (null, $"credential `{credential}` is not AKID/DATE/REGION/SERVICE/aws4_request");
        return (new AuthorizationHeader(algorithm, scope[0], scope[1], scope[2], scope[3], scope[4],
            signedHeaders.Split(';'), signature), null);
    }
}
