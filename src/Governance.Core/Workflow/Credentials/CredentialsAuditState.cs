namespace Governance.Core.Workflow.Credentials;

/// <summary>What the audit log records of credentials issued for a grant: enough to find the session in CloudTrail,
/// never the secret access key or the session token.</summary>
/// <param name="RoleArn">The role assumed.</param>
/// <param name="SessionName">The role session name, <c>grant-&lt;id&gt;</c>.</param>
/// <param name="SourceIdentity">The source identity, the requester.</param>
/// <param name="DurationSeconds">The session length asked of STS.</param>
/// <param name="AccessKeyId">The temporary access key id, which CloudTrail records on each call made with it.</param>
/// <param name="AssumedRoleArn">The session's ARN as STS returned it.</param>
/// <param name="StsRequestId">The STS request id, also in CloudTrail's <c>AssumeRole</c> event.</param>
/// <param name="SessionExpiration">When STS ends the session.</param>
/// <param name="Expiration">When the requester was told the credentials expire: the earlier of the session's and the grant's end.</param>
internal sealed record CredentialsAuditState(
    string RoleArn, string SessionName, string SourceIdentity, int DurationSeconds, string AccessKeyId, string? AssumedRoleArn,
    string? StsRequestId, DateTimeOffset SessionExpiration, DateTimeOffset Expiration)
{
    public static CredentialsAuditState Of(GrantCredentials issued)
        => new(issued.Session.RoleArn, issued.Session.RoleSessionName, issued.Session.SourceIdentity, issued.Session.DurationSeconds,
            issued.Credentials.AccessKeyId, issued.Credentials.AssumedRoleArn, issued.Credentials.StsRequestId,
            issued.Credentials.Expiration, issued.Expiration);
}
