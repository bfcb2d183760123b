using System.Text;
using AwsReplay;
using AwsReplay.SigV4;

namespace Governance.Core.Tests.Replay;

/// <summary>The verifier against AWS's published SigV4 example (IAM ListUsers, AKIDEXAMPLE, 2015-08-30).</summary>
public sealed class SigV4VerifierTests
{
    private static readonly SigV4Credentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    // The values below are AWS's, from the General Reference's "Signature Version 4 signing process" example.
    private const string PublishedSignature = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    private const string PublishedCanonicalRequestHash = "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59";
    private const string PublishedSigningKey = "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9";

    private static RecordedRequest PublishedRequest(string query = "Action=ListUsers&Version=2010-05-08",
        string signature = PublishedSignature, params (string Name, string Value)[] extraHeaders)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = ["iam.amazonaws.com"],
            ["Content-Type"] = ["application/x-www-form-urlencoded; charset=utf-8"],
            ["X-Amz-Date"] = ["20150830T123600Z"],
            ["Authorization"] = [$"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature={signature}"],
        };
        foreach (var (name, value) in extraHeaders)
            headers[name] = [value];
        return new RecordedRequest("GET", "/", query, headers, []);
    }

    [Fact]
    public void Verify_PublishedExample_IsValid()
    {
        var result = SigV4Verifier.Verify(PublishedRequest(), Example, "iam", "us-east-1");

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(PublishedSignature, result.ExpectedSignature);
    }

    [Fact]
    public void Verify_PublishedExample_CanonicalRequestHashMatchesPublished()
    {
        var result = SigV4Verifier.Verify(PublishedRequest(), Example, "iam", "us-east-1");

        var hash = SigV4Verifier.Hex(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(result.CanonicalRequest)));
        Assert.Equal(PublishedCanonicalRequestHash, hash);
        Assert.EndsWith(PublishedCanonicalRequestHash, result.StringToSign, StringComparison.Ordinal);
    }

    [Fact]
    public void SigningKey_PublishedExample_MatchesPublished()
        => Assert.Equal(PublishedSigningKey, SigV4Verifier.Hex(SigV4Verifier.SigningKey(Example.SecretAccessKey, "20150830", "us-east-1", "iam")));

    [Fact]
    public void Verify_QueryChangedAfterSigning_ReportsSignatureMismatch()
    {
        var result = SigV4Verifier.Verify(PublishedRequest(query: "Action=ListUsers&Version=2010-05-09"), Example, "iam", "us-east-1");

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.StartsWith("signature", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_WrongSecret_ReportsSignatureMismatch()
    {
        var result = SigV4Verifier.Verify(PublishedRequest(), Example with { SecretAccessKey = "not-the-secret" }, "iam", "us-east-1");

        Assert.Single(result.Problems, p => p.StartsWith("signature", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_OtherScopeExpected_ReportsRegionAndService()
    {
        var result = SigV4Verifier.Verify(PublishedRequest(), Example, "sts", "eu-west-1");

        Assert.Contains("credential scope region `us-east-1` is not `eu-west-1`", result.Problems);
        Assert.Contains("credential scope service `iam` is not `sts`", result.Problems);
    }

    [Fact]
    public void Verify_SessionTokenExpectedButAbsent_ReportsMissingToken()
    {
        var result = SigV4Verifier.Verify(PublishedRequest(), Example with { SessionToken = "token" }, "iam", "us-east-1");

        Assert.Contains("no X-Amz-Security-Token header although the credentials have a session token", result.Problems);
    }

    [Fact]
    public void Verify_UnsignedSessionToken_ReportsTokenNotSigned()
    {
        var request = PublishedRequest(extraHeaders: ("X-Amz-Security-Token", "token"));

        var result = SigV4Verifier.Verify(request, Example with { SessionToken = "token" }, "iam", "us-east-1");

        Assert.Contains("SignedHeaders do not include `x-amz-security-token`", result.Problems);
    }

    [Fact]
    public void Verify_DateFarFromNow_ReportsSkew()
    {
        var result = SigV4Verifier.Verify(PublishedRequest(), Example, "iam", "us-east-1",
            now: new DateTimeOffset(2015, 8, 30, 13, 0, 0, TimeSpan.Zero));

        Assert.Single(result.Problems);
        Assert.Contains("more than 15 minutes", result.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoAuthorizationHeader_SaysSo()
    {
        var request = PublishedRequest();
        var headers = new Dictionary<string, IReadOnlyList<string>>(request.Headers, StringComparer.OrdinalIgnoreCase);
        headers.Remove("Authorization");

        var result = SigV4Verifier.Verify(request with { Headers = headers }, Example, "iam", "us-east-1");

        Assert.Equal(["no Authorization header"], result.Problems);
    }
}
