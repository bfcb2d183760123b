using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Governance.Core.Infrastructure.Aws;

/// <summary>Finds credentials the way the AWS SDKs do, through AWSSDK.Core.</summary>
public static class AwsCredentialSource
{
    /// <summary>
    /// The named profile's credentials, or else the SDK's default chain: environment variables, the shared profile
    /// <c>AWS_PROFILE</c> names (read as a named profile, so an SSO profile works), web identity, the <c>default</c>
    /// profile, then container and instance metadata.
    /// </summary>
    /// <remarks>
    /// The environment's keys are read from <paramref name="environment"/> first, as the chain's first step does, so
    /// that a caller (a test) can supply them without changing the process environment; the rest of the chain is
    /// AWSSDK.Core's.
    /// </remarks>
    /// <returns>The credentials, or why none were found (never the secret itself).</returns>
    public static (AWSCredentials? Credentials, string? Error) Resolve(string? profile, AwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (profile is { Length: > 0 })
        {
            try
            {
                return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var fromProfile)
                    ? (new ProfileCredentials(profile, fromProfile), null)
                    : (null, $"no AWS profile `{profile}` with credentials in the shared config or credentials file");
            }
            catch (Exception e) when (e is AmazonClientException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // A profile the SDK cannot read (a malformed file, an SSO profile missing a setting): one line naming it.
                return (null, $"AWS profile `{profile}` cannot be used: {string.Join(' ', e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
            }
        }
        if (environment["AWS_ACCESS_KEY_ID"] is { } accessKey && environment["AWS_SECRET_ACCESS_KEY"] is { } secretKey)
        {
            return environment["AWS_SESSION_TOKEN"] is { } token
                ? (new SessionAWSCredentials(accessKey, secretKey, token), null)
                : (new BasicAWSCredentials(accessKey, secretKey), null);
        }
        if (environment["AWS_PROFILE"] is { } named)
        {
            // Read as --profile is: the SDK's default chain refuses SSO profiles ("not allowed here"), the AWS CLI does not.
            return Resolve(named, environment);
        }
        try
        {
            var found = DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
            // The chain's profile step (`default` here) can give credential_process credentials, which fail late.
            return found is SSOAWSCredentials or ProcessAWSCredentials ? (new ProfileCredentials("default", found), null) : (found, null);
        }
        catch (AmazonClientException e)
        {
            return (null, "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, "
                // The SDK's message spans lines; the error is one line wherever it is shown.
                + "or run where web identity, container or instance credentials are available ("
                + string.Join(' ', e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) + ")");
        }
    }
}
