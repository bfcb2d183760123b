using Governance.Core.Workflow.Credentials;

namespace Governance.Api.Contracts;

/// <summary>Short-lived AWS credentials for a grant, as <c>POST /v1/grants/{id}/credentials</c> returns them.</summary>
/// <remarks><see cref="ToString"/> leaves out the secret access key and the session token.</remarks>
/// <param name="GrantId">The grant.</param>
/// <param name="AccessKeyId">The temporary access key id.</param>
/// <param name="SecretAccessKey">The secret access key.</param>
/// <param name="SessionToken">The session token.</param>
/// <param name="Expiration">When to come back for new credentials: the earlier of the session's end and the grant's end.</param>
/// <param name="SessionExpiration">When STS ends the session.</param>
/// <param name="RoleArn">The role assumed.</param>
/// <param name="AssumedRoleArn">The session's ARN, as CloudTrail shows it.</param>
/// <param name="SessionName">The role session name, <c>grant-&lt;id&gt;</c>.</param>
/// <param name="SourceIdentity">The source identity: the requester.</param>
/// <param name="DurationSeconds">The session length asked of STS.</param>
public sealed record GrantCredentialsDto(
    Guid GrantId, string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration, DateTimeOffset SessionExpiration,
    string RoleArn, string? AssumedRoleArn, string SessionName, string SourceIdentity, int DurationSeconds)
{
    /// <summary>Maps the issued credentials.</summary>
    public static GrantCredentialsDto From(GrantCredentials issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var (session, credentials) = (issued.Session, issued.Credentials);
        return new(issued.Grant.Id, credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken, issued.Expiration,
            credentials.Expiration, session.RoleArn, credentials.AssumedRoleArn, session.RoleSessionName, session.SourceIdentity,
            session.DurationSeconds);
    }

    /// <summary>Everything but the secrets.</summary>
    public override string ToString()
        => $"GrantCredentialsDto {{ GrantId = {GrantId}, AccessKeyId = {AccessKeyId}, Expiration = {Expiration:O}, SessionName = {SessionName} }}";
}
