using Amazon.Runtime;
using Amazon.SecurityToken;
using AwsReplay;
using AwsReplay.SigV4;
using Governance.Core.Infrastructure.Aws.Sts;
using Governance.Core.Results;
using Governance.Core.Workflow.Credentials;

namespace Governance.Core.Tests.Infrastructure.Aws.Sts;

/// <summary>The issuer through the real SDK client and HTTP, against a loopback STS that replays the API reference's
/// published answers; each request's signature is recomputed independently.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit disposes the class through IAsyncLifetime.DisposeAsync, which disposes the issuer.")]
public sealed class StsRoleSessionIssuerTests : IAsyncLifetime
{
    private static readonly SigV4Credentials Keys = SigV4Credentials.Example;

    private static readonly RoleSessionRequest Request = new(
        "arn:aws:iam::111122223333:role/data-engineer",
        "grant-0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b",
        "alice",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::lake-curated/*"],"Condition":{"DateLessThan":{"aws:CurrentTime":"2026-03-02T13:00:00Z"}}}]}""",
        1800);

    private ReplayServer _sts = null!;
    private StsRoleSessionIssuer _issuer = null!;

    public async Task InitializeAsync()
    {
        _sts = await ReplayServer.StartAsync();
        _issuer = new StsRoleSessionIssuer(() => new AmazonSecurityTokenServiceClient(
            new BasicAWSCredentials(Keys.AccessKeyId, Keys.SecretAccessKey),
            new AmazonSecurityTokenServiceConfig { ServiceURL = _sts.Endpoint.ToString(), AuthenticationRegion = "eu-west-1", MaxErrorRetry = 0 }));
    }

    public async Task DisposeAsync()
    {
        _issuer.Dispose();
        await _sts.DisposeAsync();
    }

    [Fact]
    public async Task AssumeRole_PublishedExample_ReturnsItsCredentials()
    {
        _sts.Enqueue("AssumeRole", StsResponses.AssumeRole());

        var result = await _issuer.AssumeRoleAsync(Request, CancellationToken.None);

        Assert.True(result.Success, result.Error?.Detail);
        var c = result.Value;
        Assert.Equal("ASIAIOSFODNN7EXAMPLE", c.AccessKeyId);
        Assert.Equal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY", c.SecretAccessKey);
        Assert.Equal(new DateTimeOffset(2019, 11, 9, 13, 34, 41, TimeSpan.Zero), c.Expiration);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/demo/TestAR", c.AssumedRoleArn);
        Assert.Equal("c6104cbe-af31-11e0-8154-cbc7ccf896c7", c.StsRequestId);
    }

    [Fact]
    public async Task AssumeRole_PublishedExampleWrapsTheToken_ReturnsItOnOneLine()
    {
        _sts.Enqueue("AssumeRole", StsResponses.AssumeRole());

        var result = await _issuer.AssumeRoleAsync(Request, CancellationToken.None);

        // The example's five lines, joined: a token is base64, so no whitespace belongs to it.
        Assert.Equal(
            "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW"
            + "LWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGd"
            + "QrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU"
            + "9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz"
            + "+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==",
            result.Value!.SessionToken);
    }

    [Fact]
    public async Task AssumeRole_Request_CarriesEveryParameterOfTheSession()
    {
        _sts.Enqueue("AssumeRole", StsResponses.AssumeRole());

        await _issuer.AssumeRoleAsync(Request, CancellationToken.None);

        var sent = Assert.Single(_sts.RequestsFor("AssumeRole"));
        Assert.Equal("POST", sent.Method);
        var p = sent.Parameters;
        Assert.Equal("2011-06-15", p["Version"]);
        Assert.Equal(Request.RoleArn, p["RoleArn"]);
        Assert.Equal(Request.RoleSessionName, p["RoleSessionName"]);
        Assert.Equal("alice", p["SourceIdentity"]);
        Assert.Equal(Request.Policy, p["Policy"]);
        Assert.Equal("1800", p["DurationSeconds"]);
        Assert.False(p.ContainsKey("PolicyArns.member.1.arn"), "only the inline session policy limits the session");
    }

    [Fact]
    public async Task AssumeRole_Request_IsAValidSigV4RequestForStsInTheRegion()
    {
        _sts.Enqueue("AssumeRole", StsResponses.AssumeRole());

        await _issuer.AssumeRoleAsync(Request, CancellationToken.None);

        var verification = SigV4Verifier.Verify(Assert.Single(_sts.Requests), Keys, "sts", "eu-west-1", TimeProvider.System.GetUtcNow());
        Assert.True(verification.IsValid, verification.ToString());
    }

    [Theory]
    [InlineData(403, "AccessDenied", GovernanceErrorKind.UpstreamFailed, "sts-access-denied")]
    [InlineData(400, "MalformedPolicyDocument", GovernanceErrorKind.UpstreamFailed, "sts-malformed-policy")]
    [InlineData(400, "PackedPolicyTooLarge", GovernanceErrorKind.UpstreamFailed, "sts-packed-policy-too-large")]
    [InlineData(403, "RegionDisabledException", GovernanceErrorKind.UpstreamFailed, "sts-region-disabled")]
    [InlineData(400, "ExpiredTokenException", GovernanceErrorKind.UpstreamFailed, "sts-expired-token")]
    [InlineData(400, "Throttling", GovernanceErrorKind.Unavailable, "sts-throttled")]
    [InlineData(400, "ValidationError", GovernanceErrorKind.UpstreamFailed, "sts-error")]
    public async Task AssumeRole_StsRefuses_ReturnsErrorWithItsMessage(int status, string code, GovernanceErrorKind kind, string expectedCode)
    {
        _sts.Enqueue("AssumeRole", StsResponses.Error(status, code, $"refused by the replay ({code})"));

        var result = await _issuer.AssumeRoleAsync(Request, CancellationToken.None);

        Assert.False(result.Success);
        Assert.Equal(kind, result.Error.Kind);
        Assert.Equal(expectedCode, result.Error.Code);
        Assert.Contains($"refused by the replay ({code})", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssumeRole_AccessDenied_SaysWhatTheTrustPolicyNeeds()
    {
        _sts.Enqueue("AssumeRole", StsResponses.Error(403, "AccessDenied", "User: arn:aws:iam::111122223333:user/iamgov is not authorized to perform: sts:AssumeRole"));

        var result = await _issuer.AssumeRoleAsync(Request, CancellationToken.None);

        Assert.Contains(Request.RoleArn, result.Error!.Detail, StringComparison.Ordinal);
        Assert.Contains("sts:SetSourceIdentity", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssumeRole_AnswerWithoutCredentials_IsAnUpstreamError()
    {
        _sts.Enqueue("AssumeRole", ReplayResponse.Xml($"""
            <AssumeRoleResponse xmlns="{ReplayResponse.StsNamespace}"><AssumeRoleResult></AssumeRoleResult>
            <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></AssumeRoleResponse>
            """));

        var result = await _issuer.AssumeRoleAsync(Request, CancellationToken.None);

        Assert.Equal("sts-incomplete-response", result.Error?.Code);
    }

    [Fact]
    public async Task AssumeRole_NothingListens_IsUnavailableNotAnException()
    {
        var closed = await ReplayServer.StartAsync();
        var endpoint = closed.Endpoint;
        await closed.DisposeAsync();
        using var issuer = new StsRoleSessionIssuer(() => new AmazonSecurityTokenServiceClient(
            new BasicAWSCredentials(Keys.AccessKeyId, Keys.SecretAccessKey),
            new AmazonSecurityTokenServiceConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "eu-west-1", MaxErrorRetry = 0 }));

        var result = await issuer.AssumeRoleAsync(Request, CancellationToken.None);

        Assert.Equal(GovernanceErrorKind.Unavailable, result.Error?.Kind);
        Assert.Equal("sts-unreachable", result.Error?.Code);
    }

    [Fact]
    public void ToString_Credentials_LeavesOutTheSecrets()
    {
        var c = new SessionCredentials("ASIAEXAMPLE", "secret-value", "token-value", DateTimeOffset.UnixEpoch, null, "r-1");

        var text = c.ToString();

        Assert.Contains("ASIAEXAMPLE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token-value", text, StringComparison.Ordinal);
    }
}
