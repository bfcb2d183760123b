namespace AwsReplay.SigV4;

/// <summary>What <see cref="SigV4Verifier"/> found, with the intermediate values to compare when a test fails.</summary>
/// <param name="Problems">Every way the request differs from a valid SigV4 request; empty when it is valid.</param>
/// <param name="CanonicalRequest">The canonical request the verifier built, or empty when the header could not be read.</param>
/// <param name="StringToSign">The string to sign the verifier built, or empty when the header could not be read.</param>
/// <param name="ExpectedSignature">The signature the verifier computed, or null when the header could not be read.</param>
public sealed record SigV4Verification(
    IReadOnlyList<string> Problems,
    string CanonicalRequest,
    string StringToSign,
    string? ExpectedSignature)
{
    /// <summary>True when the request is a valid SigV4 request for the expected credentials and scope.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>The problems and the canonical request, for an assertion message.</summary>
    public override string ToString() => IsValid
        ? "valid SigV4 request"
        : $"invalid SigV4 request: {string.Join("; ", Problems)}\ncanonical request:\n{CanonicalRequest}\nstring to sign:\n{StringToSign}";
}
