using System.Text.Json;
using System.Text.Json.Nodes;
using TestSupport.Cli;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Drift;

public sealed partial class DriftCommandTests : IDisposable
{
    private static readonly string Policies = RepositoryPaths.Policies;
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Drift_DemoOrganisation_PrintsFindingsAsJsonAndExitsZero()
    {
        // Act
        var (code, stdout, stderr) = CliRunner.Run("drift", "--desired", Policies, "--account", Path.Combine(Policies, "demo-account.json"), "-o", "json");

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
        Assert.Contains(findings, static f => f is { Kind: "NewRisk", Principal: "arn:aws:iam::111122223333:role/platform-admin", Severity: "Critical" });
        Assert.Contains(findings, static f => f is { Kind: "PolicyDrift", Principal: "arn:aws:iam::111122223333:role/etl-runner", Severity: "High" }
            && f.Detail!.Contains("`arn:aws:iam::444455556666:root` sts:AssumeRole: denied in code, allowed in the account", StringComparison.Ordinal));
        Assert.Contains(findings, static f => f is { Kind: "PolicyDrift", Principal: "arn:aws:iam::111122223333:role/data-analyst" }
            && f.Detail!.Contains("permissions boundary", StringComparison.Ordinal));
        Assert.Contains(findings, static f => f is { Kind: "PolicyDrift", Principal: "arn:aws:iam::111122223333:role/data-analyst", Severity: "Low" }
            && f.Detail!.Contains("`cost-center`", StringComparison.Ordinal));
        // data-analyst's statements are reordered in the account, which is not drift; glue-etl matches code
        Assert.DoesNotContain(findings, static f => f.Principal == "arn:aws:iam::111122223333:role/data-analyst" && f.Detail!.StartsWith("policies differ", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, static f => f.Principal == "arn:aws:iam::111122223333:role/service-role/glue-etl");
    }

    [Fact]
    public void Drift_DesiredFolderMissing_ExitsTwo()
    {
        // Act
        var (code, _, stderr) = CliRunner.Run("drift", "--desired", Path.Combine(Policies, "no-such-folder"), "--account", Path.Combine(Policies, "demo-account.json"));

        // Assert
        Assert.Equal(CliApp.CouldNotRun, code);
        Assert.Equal($"iamgov: --desired {Path.Combine(Policies, "no-such-folder")}: no such folder", stderr.Trim());
    }

    [Fact]
    public void Drift_PreviousReportGiven_NewRiskOnlySinceItAndAccessDelta()
    {
        // Arrange: last night's report, then a change to data-engineer in a copy of the account
        var demo = Path.Combine(Policies, "demo-account.json");
        var previousFile = Path.Combine(_folder, "previous.json");
        var (code, stdout, stderr) = CliRunner.Run("drift", "--desired", Policies, "--account", demo, "-o", "json");
        Assert.True(code == 0, stderr);
        File.WriteAllText(previousFile, stdout);
        var account = JsonNode.Parse(File.ReadAllText(demo))!;
        var role = account["RoleDetailList"]!.AsArray().Single(static r => (string?)r!["RoleName"] == "data-engineer")!;
        role["RolePolicyList"]!.AsArray().Add(JsonNode.Parse("""
            {"PolicyName":"hotfix","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:DeleteBucket","Resource":"arn:aws:s3:::lake-sandbox"}]}}
            """));
        var changed = Path.Combine(_folder, "account.json");
        File.WriteAllText(changed, account.ToJsonString());

        // Act
        (code, stdout, stderr) = CliRunner.Run("drift", "--desired", Policies, "--account", changed, "--previous", previousFile, "-o", "json");

        // Assert
        Assert.True(code == 0, stderr);
        using var previous = JsonDocument.Parse(File.ReadAllText(previousFile));
        using var json = JsonDocument.Parse(stdout);
        Assert.Contains(previous.RootElement.GetProperty("findings").EnumerateArray(), static f => f.GetProperty("kind").GetString() == "NewRisk");
        Assert.DoesNotContain(json.RootElement.GetProperty("findings").EnumerateArray(), static f => f.GetProperty("kind").GetString() == "NewRisk");
        Assert.Equal(previous.RootElement.GetProperty("id").GetGuid(), json.RootElement.GetProperty("previous").GetProperty("id").GetGuid());
        var delta = Assert.Single(json.RootElement.GetProperty("accessDelta").EnumerateArray());
        Assert.Equal("arn:aws:iam::111122223333:role/data-engineer", delta.GetProperty("principal").GetString());
        var action = Assert.Single(delta.GetProperty("actions").EnumerateArray());
        Assert.Equal(("Added", "s3:DeleteBucket"), (action.GetProperty("kind").GetString(), action.GetProperty("action").GetString()));
    }

    [Fact]
    public void Drift_PreviousFileIsNotAReport_ExitsTwoNamingTheFile()
    {
        // Arrange
        var file = Path.Combine(_folder, "previous.json");
        File.WriteAllText(file, """{"findings":[]}""");

        // Act
        var (code, stdout, stderr) = CliRunner.Run("drift", "--desired", Policies, "--account", Path.Combine(Policies, "demo-account.json"), "--previous", file);

        // Assert
        Assert.Equal(CliApp.CouldNotRun, code);
        Assert.Empty(stdout);
        Assert.Contains($"{file}: not a drift report this version can read: missing `id`", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("markdown", "# Drift audit ")]
    [InlineData("html", "<!DOCTYPE html>")]
    public void Drift_MarkdownOrHtml_RendersTheReport(string format, string start)
    {
        // Act
        var (code, stdout, stderr) = CliRunner.Run("drift", "--desired", Policies, "--account", Path.Combine(Policies, "demo-account.json"), "-o", format);

        // Assert
        Assert.True(code == 0, stderr);
        Assert.StartsWith(start, stdout, StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::111122223333:role/platform-admin", stdout, StringComparison.Ordinal);
        Assert.Contains("First audit", stdout, StringComparison.Ordinal);
    }
}
