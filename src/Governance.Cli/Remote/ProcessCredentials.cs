namespace Governance.Cli.Remote;

/// <summary>The credentials <c>credential_process</c> hands to the AWS CLI and SDKs.</summary>
/// <remarks><see cref="ToString"/> leaves out the secret access key and the session token.</remarks>
/// <param name="AccessKeyId">The access key id.</param>
/// <param name="SecretAccessKey">The secret access key.</param>
/// <param name="SessionToken">The session token.</param>
/// <param name="Expiration">When the caller should ask again.</param>
internal sealed record ProcessCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration)
{
    public override string ToString() => $"ProcessCredentials {{ AccessKeyId = {AccessKeyId}, Expiration = {Expiration:O} }}";
}
