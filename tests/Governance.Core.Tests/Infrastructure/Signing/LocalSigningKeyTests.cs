using Governance.Core.Infrastructure.Signing;
using Microsoft.IdentityModel.JsonWebTokens;
using TestSupport.Files;

namespace Governance.Core.Tests.Infrastructure.Signing;

public sealed class LocalSigningKeyTests
{
    [Fact]
    public async Task LoadOrCreate_FirstRun_WritesOwnerOnlyKeyAndReloadsTheSameKey()
    {
        // Arrange
        using var dir = TempFolder.Reserve();

        // Act
        var first = LocalSigningKey.LoadOrCreate(dir);
        var second = LocalSigningKey.LoadOrCreate(dir);
        var token = LocalTokenIssuer.Mint(first, "alice", ["engineer", "approver"], TimeSpan.FromMinutes(5), TimeProvider.System);
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(token, second.ValidationParameters("role", TimeSpan.Zero));

        // Assert
        Assert.Equal(first.KeyId, second.KeyId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir, LocalSigningKey.FileName)));
        }
        Assert.True(validated.IsValid, validated.Exception?.Message);
        Assert.True(validated.ClaimsIdentity.HasClaim("role", "approver"));
    }
}
