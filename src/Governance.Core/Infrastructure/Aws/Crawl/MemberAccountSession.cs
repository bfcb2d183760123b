using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Governance.Core.Infrastructure.Aws.Organizations;

namespace Governance.Core.Infrastructure.Aws.Crawl;

/// <summary>Credentials in a member account: <c>sts:AssumeRole</c> into the crawl's role there, with the caller's credentials.</summary>
internal static class MemberAccountSession
{
    /// <summary>The role's temporary credentials, or STS's refusal.</summary>
    /// <param name="sts">An STS client signing with the caller's credentials.</param>
    /// <param name="roleArn">The role in the member account.</param>
    /// <param name="sessionName">The session's name, which CloudTrail records on every call made with it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<(AWSCredentials? Credentials, AwsCallError? Error)> AssumeAsync(IAmazonSecurityTokenService sts, string roleArn,
        string sessionName, CancellationToken cancellationToken)
    {
        var (response, error) = await SdkCall.RunAsync("STS", "AssumeRole",
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = sessionName }, cancellationToken)).ConfigureAwait(false);
        if (response is null)
        {
            return (null, error ?? new AwsCallError("STS", "AssumeRole", "InvalidResponse", "no answer"));
        }
        var c = response.Credentials;
        if (c is null || string.IsNullOrWhiteSpace(c.AccessKeyId) || string.IsNullOrWhiteSpace(c.SecretAccessKey) || string.IsNullOrWhiteSpace(c.SessionToken))
        {
            return (null, new AwsCallError("STS", "AssumeRole", "InvalidResponse", "the answer lacks the access key id, secret access key or session token",
                response.ResponseMetadata?.RequestId));
        }
        // A session token is base64 without whitespace; the API reference's example wraps it over lines, and a header cannot carry those.
        var token = string.Concat(c.SessionToken.Where(static ch => !char.IsWhiteSpace(ch)));
        return (new SessionAWSCredentials(c.AccessKeyId.Trim(), c.SecretAccessKey.Trim(), token), null);
    }
}
