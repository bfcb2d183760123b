namespace Scheduler.Tests.Infrastructure;

/// <summary>Finds the repository's files from the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

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
