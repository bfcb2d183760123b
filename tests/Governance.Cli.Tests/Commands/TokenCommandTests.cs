using Governance.Core.Infrastructure.Signing;
using Microsoft.IdentityModel.JsonWebTokens;
using TestSupport.Files;

namespace Governance.Cli.Tests.Commands;

public sealed class TokenCommandTests
{
    [Fact]
    public async Task Run_SubAndRoles_PrintsTokenTheServiceKeyValidates()
    {
        // Arrange
        using var dir = TempFolder.Reserve();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // Act
        var exit = CliApp.Run(["token", "--sub", "alice", "--role", "engineer", "--role", "approver", "--data-dir", dir, "--create-key", "--minutes", "5"], stdout, stderr);

        // Assert
        Assert.True(exit == 0, stderr.ToString());
        var key = LocalSigningKey.LoadOrCreate(dir);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(stdout.ToString().Trim(), key.ValidationParameters("role", TimeSpan.Zero));
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("alice", result.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.True(result.ClaimsIdentity.HasClaim("role", "approver"));
    }

    [Fact]
    public void Run_OutputJson_ExpiresAtInTheOneTimeForm()
    {
        // Arrange
        using var dir = TempFolder.Reserve();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // Act
        var exit = CliApp.Run(["token", "--sub", "alice", "--role", "engineer", "--data-dir", dir, "--create-key", "--output", "json"], stdout, stderr);

        // Assert: UTC, six fractional digits and a Z, as every time the service answers with.
        Assert.True(exit == 0, stderr.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(stdout.ToString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", json.RootElement.GetProperty("expiresAt").GetString());
    }

    [Fact]
    public void Run_UnknownRole_IsAUsageError()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(["token", "--sub", "alice", "--role", "root", "--data-dir", Path.GetTempPath()], stdout, stderr);
        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(stdout.ToString());
    }

    [Theory]
    [InlineData("", "--sub is empty")]
    [InlineData("alice\nforged", "U+000A")]
    [InlineData("system:approval-rules", "`system:`")]
    [InlineData("System:expiry", "`system:`")]
    [InlineData(" alice", "space")]
    public void Run_SubjectTheServiceWouldRefuse_IsAUsageErrorAndMintsNothing(string subject, string named)
    {
        // Arrange
        using var dir = TempFolder.Reserve();

        // Act
        var (exit, stdout, stderr) = TestSupport.Cli.CliRunner.Run("token", "--sub", subject, "--role", "engineer", "--data-dir", dir);

        // Assert
        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(stdout);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Run_OversizedSubject_IsAUsageError()
    {
        // Act
        var (exit, stdout, stderr) = TestSupport.Cli.CliRunner.Run("token", "--sub", new string('a', 257), "--role", "engineer", "--data-dir", Path.GetTempPath());

        // Assert
        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(stdout);
        Assert.Contains("longer than 256 characters", stderr, StringComparison.Ordinal);
    }
}
