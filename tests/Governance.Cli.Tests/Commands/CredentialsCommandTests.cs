using System.Text.Json;
using AwsReplay;
using TestSupport.Cli;

namespace Governance.Cli.Tests.Commands;

/// <summary><c>iamgov credentials</c> against a loopback stand-in for the governance API, which records what it is asked
/// and answers as the API does.</summary>
public sealed class CredentialsCommandTests : IAsyncLifetime
{
    private const string GrantId = "0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b";

    private ReplayServer _api = null!;

    public async Task InitializeAsync() => _api = await ReplayServer.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static ReplayResponse Credentials(string expiration = "2026-03-02T10:00:00+00:00") => new(200, $$"""
        {"grantId":"{{GrantId}}","accessKeyId":"ASIAIOSFODNN7EXAMPLE","secretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY",
         "sessionToken":"AQoDYXdzEPT//////////wEXAMPLE+tc764bNrC9SAPBSM22w==","expiration":"{{expiration}}",
         "sessionExpiration":"2026-03-02T10:00:00+00:00","roleArn":"arn:aws:iam::111122223333:role/data-engineer",
         "assumedRoleArn":"arn:aws:sts::111122223333:assumed-role/data-engineer/grant-{{GrantId}}",
         "sessionName":"grant-{{GrantId}}","sourceIdentity":"alice","durationSeconds":3600}
        """, "application/json");

    private static ReplayResponse Problem(int status, string code, string detail) => new(status, JsonSerializer.Serialize(new
    {
        type = $"urn:iamgov:problem:{code}",
        title = "Conflict",
        status,
        detail,
        code,
    }), "application/problem+json");

    private string Api => _api.Endpoint.ToString();

    [Fact]
    public void Run_ActiveGrant_PrintsExactlyTheCredentialProcessJson()
    {
        // Arrange
        _api.Enqueue(Credentials(expiration: "2026-03-02T11:00:00+01:00"));

        // Act
        var (exit, stdout, stderr) = CliRunner.Run("credentials", "--grant", GrantId, "--api", Api, "--token", "tok-1");

        // Assert
        Assert.True(exit == 0, stderr);
        Assert.Equal(
            """{"Version":1,"AccessKeyId":"ASIAIOSFODNN7EXAMPLE","SecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY","SessionToken":"AQoDYXdzEPT//////////wEXAMPLE+tc764bNrC9SAPBSM22w==","Expiration":"2026-03-02T10:00:00Z"}"""
            + "\n",
            stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public void Run_ActiveGrant_PostsToTheGrantsCredentialsWithTheBearerToken()
    {
        // Arrange
        _api.Enqueue(Credentials());

        // Act
        CliRunner.Run("credentials", "--grant", GrantId, "--api", Api, "--token", "tok-2");

        // Assert
        var request = Assert.Single(_api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v1/grants/{GrantId}/credentials", request.Path);
        Assert.Equal("Bearer tok-2", request.Header("Authorization"));
    }

    [Fact]
    public void Run_ApiUrlWithAPathPrefix_KeepsThePrefix()
    {
        _api.Enqueue(Credentials());

        CliRunner.Run("credentials", "--grant", GrantId, "--api", Api + "governance", "--token", "tok-3");

        Assert.Equal($"/governance/v1/grants/{GrantId}/credentials", Assert.Single(_api.Requests).Path);
    }

    [Fact]
    public void Run_ApiRefuses_PrintsTheProblemOnStderrAndNothingOnStdout()
    {
        // Arrange
        _api.Enqueue(Problem(409, "grant-not-active", $"grant `{GrantId}` is Revoked; credentials are issued for active grants only"));

        // Act
        var (exit, stdout, stderr) = CliRunner.Run("credentials", "--grant", GrantId, "--api", Api, "--token", "tok-4");

        // Assert
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Equal($"iamgov: grant `{GrantId}` is Revoked; credentials are issued for active grants only (HTTP 409, grant-not-active)\n", stderr);
    }

    [Fact]
    public void Run_TokenRefused_SaysToGetANewOne()
    {
        _api.Enqueue(new ReplayResponse(401, "", "text/plain"));

        var (exit, stdout, stderr) = CliRunner.Run("credentials", "--grant", GrantId, "--api", Api, "--token", "expired");

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("HTTP 401", stderr, StringComparison.Ordinal);
        Assert.Contains("get a new one", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AnswerWithoutCredentials_FailsWithoutEchoingTheBody()
    {
        _api.Enqueue(new ReplayResponse(200, """{"accessKeyId":"ASIAEXAMPLE","secretAccessKey":"do-not-print-me"}""", "application/json"));

        var (exit, stdout, stderr) = CliRunner.Run("credentials", "--grant", GrantId, "--api", Api, "--token", "tok-5");

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("without complete credentials", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-print-me", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NothingListens_SaysWhichUrlItTried()
    {
        var closed = await ReplayServer.StartAsync();
        var url = closed.Endpoint.ToString();
        await closed.DisposeAsync();

        var (exit, stdout, stderr) = CliRunner.Run("credentials", "--grant", GrantId, "--api", url, "--token", "tok-6");

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains($"cannot reach the API at {url}", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_GrantNotAGuid_IsAUsageError()
    {
        var (exit, stdout, _) = CliRunner.Run("credentials", "--grant", "grant-7", "--api", Api, "--token", "tok-7");

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(stdout);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public void Run_ApiNotAUrl_IsAUsageErrorNamingIt()
    {
        var (exit, _, stderr) = CliRunner.Run("credentials", "--grant", GrantId, "--api", "localhost:5000", "--token", "tok-8");

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Contains("`localhost:5000`", stderr, StringComparison.Ordinal);
    }
}
