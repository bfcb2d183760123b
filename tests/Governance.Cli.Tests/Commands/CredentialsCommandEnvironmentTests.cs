using AwsReplay;
using TestSupport.Cli;

namespace Governance.Cli.Tests.Commands;

/// <summary><c>IAMGOV_API</c> and <c>IAMGOV_TOKEN</c>. The environment belongs to the process, so these tests are one
/// collection that runs alone; no other test reads these two variables.</summary>
[Collection(Name)]
public sealed class CredentialsCommandEnvironmentTests : IAsyncLifetime
{
    public const string Name = "iamgov-environment";

    private const string GrantId = "0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b";

    private ReplayServer _api = null!;
    private string? _savedApi;
    private string? _savedToken;

    public async Task InitializeAsync()
    {
        _api = await ReplayServer.StartAsync();
        (_savedApi, _savedToken) = (Environment.GetEnvironmentVariable("IAMGOV_API"), Environment.GetEnvironmentVariable("IAMGOV_TOKEN"));
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("IAMGOV_API", _savedApi);
        Environment.SetEnvironmentVariable("IAMGOV_TOKEN", _savedToken);
        await _api.DisposeAsync();
    }

    [Fact]
    public void Run_ApiAndTokenFromEnvironment_UsesThem()
    {
        // Arrange
        Environment.SetEnvironmentVariable("IAMGOV_API", _api.Endpoint.ToString());
        Environment.SetEnvironmentVariable("IAMGOV_TOKEN", "tok-from-env");
        _api.Enqueue(new ReplayResponse(403, """{"status":403,"detail":"only the grant's requester gets credentials for it","code":"not-grant-requester"}""",
            "application/problem+json"));

        // Act
        var (exit, _, stderr) = CliRunner.Run("credentials", "--grant", GrantId);

        // Assert
        Assert.Equal(1, exit);
        Assert.Equal("Bearer tok-from-env", Assert.Single(_api.Requests).Header("Authorization"));
        Assert.Contains("only the grant's requester gets credentials for it (HTTP 403, not-grant-requester)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OptionsAndEnvironment_OptionsWin()
    {
        Environment.SetEnvironmentVariable("IAMGOV_API", "http://127.0.0.1:9/");
        Environment.SetEnvironmentVariable("IAMGOV_TOKEN", "tok-from-env");
        _api.Enqueue(new ReplayResponse(401, "", "text/plain"));

        CliRunner.Run("credentials", "--grant", GrantId, "--api", _api.Endpoint.ToString(), "--token", "tok-from-option");

        Assert.Equal("Bearer tok-from-option", Assert.Single(_api.Requests).Header("Authorization"));
    }

    [Fact]
    public void Run_NoTokenAnywhere_IsAUsageErrorSayingWhereToPutOne()
    {
        Environment.SetEnvironmentVariable("IAMGOV_TOKEN", null);

        var (exit, stdout, stderr) = CliRunner.Run("credentials", "--grant", GrantId, "--api", _api.Endpoint.ToString());

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(stdout);
        Assert.Contains("IAMGOV_TOKEN", stderr, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }
}
