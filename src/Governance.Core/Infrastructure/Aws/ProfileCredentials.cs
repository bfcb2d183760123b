using Amazon.Runtime;

namespace Governance.Core.Infrastructure.Aws;

/// <summary>
/// A named profile's credentials, whose failures say which profile failed and what to do, in one line: an SSO profile
/// without a valid cached token says to run <c>aws sso login --profile NAME</c>; a <c>credential_process</c> that fails
/// gives the process's own error.
/// </summary>
/// <remarks>
/// The SDK resolves a profile's credentials when a request is signed, not when the profile is read, and throws then: a
/// <see cref="ProcessAWSCredentialException"/> (not an <see cref="AmazonClientException"/>) for a failing process, a
/// multi-line message for others. Every failure is rethrown here as an <see cref="AmazonClientException"/>, which every
/// AWS caller of this service turns into an error value.
/// </remarks>
internal sealed class ProfileCredentials(string profile, AWSCredentials inner) : AWSCredentials
{
    public override ImmutableCredentials GetCredentials()
    {
        try
        {
            return inner.GetCredentials();
        }
        catch (Exception e) when (IsCredentialFailure(e))
        {
            throw Described(e);
        }
    }

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        try
        {
            return await inner.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (IsCredentialFailure(e))
        {
            throw Described(e);
        }
    }

    /// <summary>What the SDK throws when a profile's credentials cannot be had (an SSO client it cannot load included).</summary>
    private static bool IsCredentialFailure(Exception e)
        => e is AmazonClientException or ProcessAWSCredentialException or InvalidOperationException or IOException or UnauthorizedAccessException;

    private AmazonClientException Described(Exception e)
    {
        var message = OneLine(e.Message);
        var described = e switch
        {
            ProcessAWSCredentialException => $"the credential_process of AWS profile `{profile}` failed: {message}",
            _ when message.Contains("SSO Token", StringComparison.OrdinalIgnoreCase)
                => $"AWS profile `{profile}` has no valid SSO token in ~/.aws/sso/cache (none, or expired): run aws sso login --profile {profile}",
            AmazonServiceException service when IsSsoSessionRefused(service)
                => $"AWS profile `{profile}`: the SSO session was refused ({message}): run aws sso login --profile {profile}",
            _ => $"AWS profile `{profile}` gives no credentials: {message}",
        };
        return new AmazonClientException(described, e);
    }

    /// <summary>GetRoleCredentials' answer to a token the portal no longer takes.</summary>
    private static bool IsSsoSessionRefused(AmazonServiceException e) => e.ErrorCode is "UnauthorizedException" or "ExpiredTokenException";

    /// <summary>The SDK's messages may span lines (the process's standard error, for one); the error is one line wherever it is shown.</summary>
    private static string OneLine(string text)
        => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
