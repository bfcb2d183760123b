using Governance.Cli.Inputs;
using Governance.Core.Infrastructure.Signing;
using TestSupport.Files;

namespace Governance.Cli.Tests.Inputs;

// `token` reads Governance__* variables, which the tests of that collection set.
[Collection(Governance.Cli.Tests.Commands.CredentialsCommandEnvironmentTests.Name)]
public sealed class ServiceDataFolderTests
{
    [Fact]
    public void Find_KeyInTheDataFolderOfAParent_FindsIt()
    {
        // Arrange: the service started at the root created root/data/signing-key.json; iamgov runs in root/src/x
        using var root = TempFolder.Create();
        LocalSigningKey.LoadOrCreate(Path.Combine(root, "data"));
        var below = Directory.CreateDirectory(Path.Combine(root, "src", "x")).FullName;

        // Act
        var (folder, refusal) = ServiceDataFolder.Find(null, below, createKey: false);

        // Assert
        Assert.Null(refusal);
        Assert.Equal(Path.Combine(root, "data"), folder);
    }

    [Fact]
    public void Find_NoKeyHereOrAbove_RefusesNamingWhereItLookedAndCreatesNothing()
    {
        // Arrange
        using var root = TempFolder.Create();

        // Act
        var (folder, refusal) = ServiceDataFolder.Find(null, root, createKey: false);

        // Assert
        Assert.Null(folder);
        Assert.Contains($"looked for data/signing-key.json in {root.Path} and every folder above it", refusal, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "data")), "no data folder is made unasked");
    }

    [Fact]
    public void Find_NamedFolderWithoutKey_RefusesUnlessAskedToCreate()
    {
        // Arrange
        using var root = TempFolder.Create();

        // Act
        var refused = ServiceDataFolder.Find("elsewhere", root, createKey: false);
        var created = ServiceDataFolder.Find("elsewhere", root, createKey: true);

        // Assert
        Assert.Null(refused.Folder);
        Assert.Contains($"no signing key in {Path.Combine(root, "elsewhere")}", refused.Refusal, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(root, "elsewhere"), created.Folder);
    }

    [Fact]
    public void Token_DataFolderWithoutKey_RefusesAndLeavesNoKey()
    {
        // Arrange
        using var root = TempFolder.Create();

        // Act
        var (exit, stdout, stderr) = TestSupport.Cli.CliRunner.Run("token", "--sub", "alice", "--role", "engineer", "--data-dir", root);

        // Assert
        Assert.Equal(CliApp.CouldNotRun, exit);
        Assert.Empty(stdout);
        Assert.Contains("--create-key", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, LocalSigningKey.FileName)), "the key is created only with --create-key");
    }

    [Fact]
    public void Token_JsonOutput_NamesTheFolderOfTheKeyItSignedWith()
    {
        // Arrange
        using var root = TempFolder.Create();
        LocalSigningKey.LoadOrCreate(root);

        // Act
        var (exit, stdout, stderr) = TestSupport.Cli.CliRunner.Run("token", "--sub", "alice", "--role", "engineer", "--data-dir", root, "-o", "json");

        // Assert
        Assert.True(exit == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(root.Path, json.RootElement.GetProperty("dataDirectory").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("token").GetString()!.Split('.').Length);
    }
}
