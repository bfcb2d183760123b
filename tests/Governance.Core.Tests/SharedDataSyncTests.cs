namespace Governance.Core.Tests;

public sealed class SharedDataSyncTests
{
    /// <summary>The workplace's shared folder sits beside the repository; outside it the copies stand alone.</summary>
    private static string? SharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "accounts");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "shared", "STYLE.md")))
            {
                return candidate;
            }
        }
        return null;
    }

    [Fact]
    public void AccountCopies_MatchSharedData_WhenSharedIsPresent()
    {
        var shared = SharedData();
        if (shared is null)
        {
            return; // Outside the workplace there is nothing to compare with.
        }
        foreach (var file in Directory.GetFiles(shared))
        {
            var copy = TestData.Account(Path.GetFileName(file));
            Assert.True(File.Exists(copy), $"{copy} is missing; copy it from {file}");
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(copy)), $"{copy} differs from {file}; refresh the copy");
        }
    }
}
