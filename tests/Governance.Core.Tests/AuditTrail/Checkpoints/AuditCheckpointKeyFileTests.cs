using Governance.Core.AuditTrail.Checkpoints;
using TestSupport.Files;

namespace Governance.Core.Tests.AuditTrail.Checkpoints;

public sealed class AuditCheckpointKeyFileTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    private string KeyPath => Path.Combine(_folder.Path, AuditCheckpointKeyFile.DefaultFileName);

    [Fact]
    public void Load_FirstStart_CreatesAKeyOnlyItsOwnerReads_AndReadsTheSameKeyAfter()
    {
        // Act
        using var created = AuditCheckpointKeyFile.Load(KeyPath, create: true);
        using var again = AuditCheckpointKeyFile.Load(KeyPath, create: true);

        // Assert
        Assert.Equal(created.PublicKey.KeyId, again.PublicKey.KeyId);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(KeyPath), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
        }
    }

    [Fact]
    public void Load_KeyReadableByOthers_IsRefusedNamingTheFile()
    {
        // Arrange
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes
        }
        AuditCheckpointKeyFile.Load(KeyPath, create: true).Dispose();
        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        // Act
        var refused = Assert.Throws<InvalidDataException>(() => AuditCheckpointKeyFile.Load(KeyPath, create: true));

        // Assert
        Assert.Contains(KeyPath, refused.Message, StringComparison.Ordinal);
        Assert.Contains("644", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Theory]
    [InlineData("not a key")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")]
    public void Load_CorruptKey_IsRefusedNamingTheFile(string content)
    {
        // Arrange
        File.WriteAllText(KeyPath, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Act
        var refused = Assert.Throws<InvalidDataException>(() => AuditCheckpointKeyFile.Load(KeyPath, create: true));

        // Assert
        Assert.Contains(KeyPath, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PublicKeyOnly_IsRefused()
    {
        // Arrange
        using (var key = AuditCheckpointKeyFile.Load(KeyPath, create: true))
        {
            File.WriteAllText(KeyPath, key.PublicKey.Pem);
        }

        // Act & Assert
        Assert.Throws<InvalidDataException>(() => AuditCheckpointKeyFile.Load(KeyPath, create: true));
    }

    [Fact]
    public void Load_ConfiguredFileMissing_IsRefusedAndNotCreated()
    {
        // Act
        var refused = Assert.Throws<InvalidDataException>(() => AuditCheckpointKeyFile.Load(KeyPath, create: false));

        // Assert
        Assert.Contains("does not exist", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyPath));
    }

    [Fact]
    public async Task SignAsync_Signature_VerifiesWithThePublishedKey()
    {
        // Arrange
        using var key = AuditCheckpointKeyFile.Load(KeyPath, create: true);
        var (published, _) = AuditPublicKey.FromPem(key.PublicKey.Pem);
        byte[] data = [1, 2, 3];

        // Act
        var signature = await key.SignAsync(data, CancellationToken.None);

        // Assert
        Assert.True(published!.Verify(data, Convert.ToBase64String(signature)));
    }
}
