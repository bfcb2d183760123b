using System.Text.Json;

namespace Governance.Cli.Tests.Drift;

public sealed class DriftCommandTests
{
    private static string Policies { get; } = FindPolicies();

    [Fact]
    public void Drift_DemoOrganisation_PrintsFindingsAsJsonAndExitsZero()
    {
        // Act
        var (code, stdout, stderr) = CliRunner.Run("drift", "--desired", Policies, "--account", Path.Combine(Policies, "demo-account.json"), "--format", "json");

        // Assert
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(static f => (Kind: f.GetProperty("kind").GetString(), Principal: f.GetProperty("principal").GetString(),
                Severity: f.GetProperty("severity").GetString(), Detail: f.GetProperty("detail").GetString()))
            .ToList();
        Assert.Contains(findings, static f => f is { Kind: "PolicyDrift", Principal: "arn:aws:iam::111122223333:role/data-engineer" }
            && f.Detail!.Contains("s3:DeleteObject", StringComparison.Ordinal));
        Assert.Contains(findings, static f => f is { Kind: "MissingPrincipal", Principal: "arn:aws:iam::111122223333:role/ml-engineer" });
        Assert.Contains(findings, static f => f is { Kind: "UnmanagedPrincipal", Principal: "arn:aws:iam::111122223333:role/platform-admin" });
        Assert.DoesNotContain(findings, static f => f.Principal == "arn:aws:iam::111122223333:role/analytics-readonly");
    }

    [Fact]
    public void Drift_DesiredFolderMissing_ExitsOne()
    {
        // Act
        var (code, _, stderr) = CliRunner.Run("drift", "--desired", Path.Combine(Policies, "no-such-folder"), "--account", Path.Combine(Policies, "demo-account.json"));

        // Assert
        Assert.Equal(1, code);
        Assert.Contains("folder does not exist", stderr, StringComparison.Ordinal);
    }

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
