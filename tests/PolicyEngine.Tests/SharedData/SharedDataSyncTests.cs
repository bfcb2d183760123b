using System.Runtime.CompilerServices;

namespace PolicyEngine.Tests.SharedData;

/// <summary>
/// tests/data holds copies of the workplace's shared data (conformance cases, account snapshots) so that the repository
/// stands alone; where ../shared exists beside the repository, every copy must equal its original.
/// </summary>
public sealed class SharedDataSyncTests
{
    public static TheoryData<string, string> Folders() => new()
    {
        { Path.Combine("conformance", "cases"), "conformance" },
        { Path.Combine("data", "accounts"), "accounts" },
    };

    [Theory]
    [MemberData(nameof(Folders))]
    public void Copy_SharedFolderPresent_IsIdentical(string sharedFolder, string copyFolder)
    {
        // Arrange
        var repository = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", ".."));
        var shared = Path.Combine(repository, "..", "shared", sharedFolder);
        var copy = Path.Combine(repository, "tests", "data", copyFolder);
        if (!Directory.Exists(shared))
        {
            return; // Outside the workplace there is nothing to compare with.
        }

        // Act
        var sharedFiles = Directory.EnumerateFiles(shared).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var copiedFiles = Directory.EnumerateFiles(copy).Select(Path.GetFileName).Where(n => n != "README.md").Order(StringComparer.Ordinal).ToArray();

        // Assert
        Assert.Equal(sharedFiles, copiedFiles);
        foreach (var name in sharedFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(shared, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(copy, name!))),
                $"tests/data/{copyFolder}/{name} differs from ../shared/{sharedFolder}/{name}; copy it again");
        }
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
