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
        var exit = CliApp.Run(["token", "--sub", "alice", "--role", "engineer", "--role", "approver", "--data-dir", dir, "--minutes", "5"], stdout, stderr);

        // Assert
        Assert.True(exit == 0, stderr.ToString());
        var key = LocalSigningKey.LoadOrCreate(dir);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(stdout.ToString().Trim(), key.ValidationParameters("role", TimeSpan.Zero));
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("alice", result.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.True(result.ClaimsIdentity.HasClaim("role", "approver"));
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
}
