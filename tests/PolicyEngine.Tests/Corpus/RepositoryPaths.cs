namespace PolicyEngine.Tests.Corpus;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding Governance.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A corpus folder copied next to the test assembly.</summary>
    public static string Corpus(string name) => Path.Combine(AppContext.BaseDirectory, "Corpus", name);

    /// <summary>A folder of the shared test data (tests/data) copied next to the test assembly.</summary>
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Governance.sln not found above " + AppContext.BaseDirectory);
    }
}
