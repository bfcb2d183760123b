namespace AwsReplay.SigV4;

/// <summary>The credentials a test expects the client to sign with.</summary>
/// <param name="AccessKeyId">The access key id named in the credential scope.</param>
/// <param name="SecretAccessKey">The secret the signing key is derived from.</param>
/// <param name="SessionToken">The session token that must travel as a signed <c>X-Amz-Security-Token</c>, or null for long-term keys.</param>
public sealed record SigV4Credentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>AWS's documentation example keys (never valid anywhere), for tests.</summary>
    public static SigV4Credentials Example { get; } = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    /// <summary>Hides the secret and the token, which must never reach test output.</summary>
    public override string ToString() => $"SigV4Credentials {{ AccessKeyId = {AccessKeyId} }}";
}
