using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Governance.Core.Results;
using Governance.Core.Workflow.Credentials;

namespace Governance.Core.Infrastructure.Aws.Sts;

/// <summary>Assumes roles through AWS STS with the SDK's client.</summary>
/// <remarks>
/// <para>The client is created on first use, so that a service without AWS region or credentials still starts and
/// answers a clear error here. <see cref="CreateClient"/> configures it the SDK's way: credentials from the default
/// chain (<c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>/<c>AWS_SESSION_TOKEN</c>, <c>AWS_PROFILE</c>, web
/// identity, container and instance roles), region from <c>AWS_REGION</c> or the profile, endpoint from
/// <c>AWS_ENDPOINT_URL_STS</c> or <c>AWS_ENDPOINT_URL</c>; AWSSDK.Core reads all of these itself. The service's
/// <c>Governance:Aws:Region</c> and <c>Governance:Aws:Profile</c>, when set, come first, as for its IAM calls.</para>
/// <para>Every error STS documents for <c>AssumeRole</c>, and every way the call can fail to reach it, becomes an
/// error value whose message says what to do; no exception from the SDK leaves this class.</para>
/// </remarks>
public sealed class StsRoleSessionIssuer(Func<IAmazonSecurityTokenService> createClient) : IRoleSessionIssuer, IDisposable
{
    private IAmazonSecurityTokenService? _client;

    /// <summary>A client configured as every AWS SDK does, with the service's own region and profile first.</summary>
    public static IAmazonSecurityTokenService CreateClient(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var config = new AmazonSecurityTokenServiceConfig();
        if (connection.Region is { } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            // With an endpoint from AWS_ENDPOINT_URL(_STS) the SDK signs for the environment's region unless told.
            config.AuthenticationRegion = region;
        }
        if (connection.Profile is { } profile)
        {
            config.Profile = new Profile(profile);
        }
        return new AmazonSecurityTokenServiceClient(config);
    }

    /// <inheritdoc />
    public async Task<Outcome<SessionCredentials>> AssumeRoleAsync(RoleSessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        AssumeRoleResponse response;
        try
        {
            response = await Client().AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = request.RoleArn,
                RoleSessionName = request.RoleSessionName,
                SourceIdentity = request.SourceIdentity,
                Policy = request.Policy,
                DurationSeconds = request.DurationSeconds,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException e)
        {
            return StsErrors.From(e, request.RoleArn);
        }
        catch (AmazonClientException e)
        {
            // Raised before anything is sent: no region, no endpoint or no credentials resolved. The SDK's message lists
            // every credential source it tried on further lines; the first says what is missing.
            var first = e.Message.Split('\n', 2)[0].Trim();
            return new GovernanceError(GovernanceErrorKind.Unavailable, ProblemCodes.AwsNotReady,
                $"the service cannot call STS: {first}; set AWS_REGION and AWS credentials (environment, AWS_PROFILE or an instance role)");
        }
        catch (HttpRequestException e)
        {
            return new GovernanceError(GovernanceErrorKind.Unavailable, ProblemCodes.StsUnreachable, $"STS could not be reached: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new GovernanceError(GovernanceErrorKind.Unavailable, ProblemCodes.StsUnreachable, "STS did not answer in time");
        }
        return FromResponse(response);
    }

    /// <inheritdoc />
    public void Dispose() => _client?.Dispose();

    private IAmazonSecurityTokenService Client()
    {
        if (_client is { } client)
        {
            return client;
        }
        var created = createClient();
        var winner = Interlocked.CompareExchange(ref _client, created, null);
        if (winner is not null)
        {
            created.Dispose();
            return winner;
        }
        return created;
    }

    private static Outcome<SessionCredentials> FromResponse(AssumeRoleResponse response)
    {
        var c = response.Credentials;
        if (c is null || string.IsNullOrWhiteSpace(c.AccessKeyId) || string.IsNullOrWhiteSpace(c.SecretAccessKey)
            || string.IsNullOrWhiteSpace(c.SessionToken) || c.Expiration is not { } expiration)
        {
            return new GovernanceError(GovernanceErrorKind.UpstreamFailed, ProblemCodes.StsIncompleteResponse,
                "STS answered AssumeRole without complete credentials (access key id, secret access key, session token and expiration)");
        }
        return new SessionCredentials(
            c.AccessKeyId.Trim(),
            c.SecretAccessKey.Trim(),
            WithoutWhitespace(c.SessionToken),
            new DateTimeOffset(DateTime.SpecifyKind(expiration.Kind == DateTimeKind.Local ? expiration.ToUniversalTime() : expiration, DateTimeKind.Utc)),
            response.AssumedRoleUser?.Arn,
            response.ResponseMetadata?.RequestId);
    }

    /// <summary>A session token is base64 and holds no whitespace; the API reference's example wraps it over lines, and a
    /// token with line breaks cannot go into the <c>X-Amz-Security-Token</c> header of the requests signed with it.</summary>
    private static string WithoutWhitespace(string token) => string.Concat(token.Where(static ch => !char.IsWhiteSpace(ch)));
}
