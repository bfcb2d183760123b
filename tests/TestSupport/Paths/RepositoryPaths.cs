namespace TestSupport.Paths;

/// <summary>Finds the repository's own files (not the copies beside the test assembly) from the test binaries.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding Governance.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The repository's <c>policies/</c> folder: the demo organisation.</summary>
    public static string Policies => Path.Combine(Root, "policies");

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
