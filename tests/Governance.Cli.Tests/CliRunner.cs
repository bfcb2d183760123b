namespace Governance.Cli.Tests;

/// <summary>Runs iamgov in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string Account(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "accounts", name);

    /// <summary>The repository's <c>policies/</c> folder: the demo organisation.</summary>
    public static string Policies { get; } = FindPolicies();

    private static string FindPolicies()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
            {
                return Path.Combine(dir.FullName, "policies");
            }
        }
        throw new InvalidOperationException("Governance.sln not found above " + AppContext.BaseDirectory);
    }
}
