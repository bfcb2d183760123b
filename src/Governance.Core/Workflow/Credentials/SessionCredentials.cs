namespace Governance.Core.Workflow.Credentials;

/// <summary>Temporary AWS credentials from an assumed-role session.</summary>
/// <remarks><see cref="ToString"/> leaves out the secret key and the session token, so that a log line or an exception
/// message built from this value never carries them.</remarks>
/// <param name="AccessKeyId">The access key id (<c>ASIA…</c>); not a secret, CloudTrail records it.</param>
/// <param name="SecretAccessKey">The secret access key.</param>
/// <param name="SessionToken">The session token.</param>
/// <param name="Expiration">When STS ends the session.</param>
/// <param name="AssumedRoleArn">The session's ARN: <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</param>
/// <param name="StsRequestId">The id of the STS request, which CloudTrail's <c>AssumeRole</c> event carries too.</param>
public sealed record SessionCredentials(
    string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration, string? AssumedRoleArn, string? StsRequestId)
{
    /// <summary>Everything but the secrets.</summary>
    public override string ToString()
        => $"SessionCredentials {{ AccessKeyId = {AccessKeyId}, Expiration = {Expiration:O}, AssumedRoleArn = {AssumedRoleArn}, StsRequestId = {StsRequestId} }}";
}
