using System.Runtime.CompilerServices;

namespace PolicyEngine.Tests.Conformance;

/// <summary>The corpus is copied into this project so it stands alone; where the shared original is present, the copy must equal it.</summary>
public sealed class CasesCopyTests
{
    [Fact]
    public void CasesCopy_SharedCorpusPresent_IsIdentical()
    {
        // Arrange
        var copy = Path.Combine(SourceDirectory(), "cases");
        var shared = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "..", "..", "shared", "conformance", "cases"));
        if (!Directory.Exists(shared))
        {
            return; // Outside the workplace there is nothing to compare with.
        }

        // Act
        var sharedFiles = Directory.EnumerateFiles(shared, "*.jsonl").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var copiedFiles = Directory.EnumerateFiles(copy, "*.jsonl").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();

        // Assert
        Assert.Equal(sharedFiles, copiedFiles);
        foreach (var name in sharedFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(shared, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(copy, name!))),
                $"{name} differs from ../shared/conformance/cases; copy it again");
        }
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
