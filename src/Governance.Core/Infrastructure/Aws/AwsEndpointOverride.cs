namespace Governance.Core.Infrastructure.Aws;

/// <summary>
/// The endpoint a user set for one service, as the AWS SDKs read it: <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then
/// <c>AWS_ENDPOINT_URL</c>, unless <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is true.
/// </summary>
public static class AwsEndpointOverride
{
    /// <summary>The address set for <paramref name="serviceKey"/> (<c>S3</c>, <c>KMS</c>, <c>STS</c>, <c>ORGANIZATIONS</c>), null when none is, or why the value is no address.</summary>
    public static (Uri? Url, string? Error) Find(AwsEnvironment environment, string serviceKey)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.Equals(environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }
        var variable = $"AWS_ENDPOINT_URL_{serviceKey}";
        if ((environment[variable] ?? environment["AWS_ENDPOINT_URL"]) is not { } configured)
        {
            return (null, null);
        }
        return Uri.TryCreate(configured, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? (url, null)
            : (null, $"endpoint URL `{configured}` ({variable} or AWS_ENDPOINT_URL) is not an http or https URL");
    }
}
