using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TestSupport.Cli;
using TestSupport.Files;
using TestSupport.Paths;
using Xunit.Abstractions;

namespace Governance.Cli.Tests.Validation;

/// <summary>
/// Issue 17: Microsoft's SARIF multitool (npm <c>@microsoft/sarif-multitool</c> 5.7.0, pinned in
/// <c>tools/sarif-multitool</c>) finds nothing to say about the SARIF of <c>iamgov validate</c> under its SARIF rules and
/// GitHub's (<c>--rule-kind "Sarif;Gh"</c>: GH1001–GH1007, the GHAS rules GH1011–GH2012, the SARIF 2.1.0 schema).
/// </summary>
public sealed class SarifMultitoolTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Points at the multitool binary when it is not in the well-known place.</summary>
    public const string PathVariable = "IAMGOV_SARIF_MULTITOOL";

    /// <summary>Set to 1 to skip on a machine without npm; never set in CI.</summary>
    public const string OptOutVariable = "IAMGOV_SKIP_SARIF_MULTITOOL";

    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Multitool_SarifOfTheRepositoryPolicies_HasNoFinding()
    {
        // Arrange
        if (Multitool() is not { } tool)
        {
            return;
        }
        var sarif = Path.Combine(_folder, "policies.sarif");

        // Act
        var (exit, stdout, stderr) = CliRunner.Run("validate", RepositoryPaths.Policies, "-o", "sarif", "--output-file", sarif);
        var findings = Check(tool, sarif);

        // Assert
        Assert.True(exit == 0, stdout + stderr);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void Multitool_SarifOfAFailingRepository_HasNoFinding()
    {
        // Arrange: a repository with errors in a role, a Statment policy and a skipped file
        if (Multitool() is not { } tool)
        {
            return;
        }
        Directory.CreateDirectory(Path.Combine(_folder, "repo", ".git"));
        Write("repo/policies/roles/app.json", """
            {"name": "app",
             "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]},
             "inlinePolicies": {"run": {"Version": "2012-10-17", "Statement": [{"Effect": "Allw", "Action": "iam:PassRole", "Resource": "*"}]}}}
            """);
        Write("repo/policies/guardrails/scp/typo.json", """{"Version": "2012-10-17", "Statment": []}""");
        Write("repo/policies/approval-rules.json", """{"autoApprove": {}}""");
        var sarif = Path.Combine(_folder, "failing.sarif");

        // Act
        var (exit, _, _) = CliRunner.Run("validate", Path.Combine(_folder, "repo", "policies"), "-o", "sarif", "--output-file", sarif);
        var findings = Check(tool, sarif);

        // Assert
        Assert.Equal(1, exit);
        Assert.True(JsonNode.Parse(File.ReadAllText(sarif))!["runs"]![0]!["results"]!.AsArray().Count >= 3, "the run has results to check");
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void Multitool_SarifWithoutARuleDescription_IsReported()
    {
        // Arrange: the check itself must be able to fail; the multitool reports nothing for a file it cannot read
        if (Multitool() is not { } tool)
        {
            return;
        }
        var sarif = Path.Combine(_folder, "broken.sarif");
        CliRunner.Run("validate", RepositoryPaths.Policies, "-o", "sarif", "--output-file", sarif);
        var log = JsonNode.Parse(File.ReadAllText(sarif))!;
        log["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!.AsObject().Remove("fullDescription");
        File.WriteAllText(sarif, log.ToJsonString());

        // Act
        var findings = Check(tool, sarif);

        // Assert
        Assert.Contains(findings, static f => f.StartsWith("GH2012", StringComparison.Ordinal));
    }

    /// <summary>The multitool's results on <paramref name="sarif"/> at level warning or error, as <c>RULE message</c>.</summary>
    private List<string> Check(string tool, string sarif)
    {
        var report = Path.Combine(_folder, Path.GetFileNameWithoutExtension(sarif) + ".check.sarif");
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["validate", "--rule-kind", "Sarif;Gh", "--log", "ForceOverwrite", "--output", report, sarif])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the multitool did not finish in two minutes");
        output.WriteLine(stdout.Result + stderr);
        Assert.True(process.ExitCode == 0 && File.Exists(report), $"the multitool failed ({process.ExitCode}): {stdout.Result}{stderr}");
        using var json = JsonDocument.Parse(File.ReadAllBytes(report));
        return [.. json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(static r => !r.TryGetProperty("level", out var level) || level.GetString() is "error" or "warning")
            .Select(static r => $"{r.GetProperty("ruleId").GetString()} {r.GetProperty("message")}")];
    }

    /// <summary>The installed multitool binary; null (with a note) only when opted out.</summary>
    private string? Multitool()
    {
        var platform = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win32"
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "darwin" : "linux";
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured
            : Path.Combine(RepositoryPaths.Root, "tools", "sarif-multitool", "node_modules", "@microsoft", $"sarif-multitool-{platform}",
                platform == "win32" ? "Sarif.Multitool.exe" : "Sarif.Multitool");
        if (File.Exists(path))
        {
            return path;
        }
        if (Environment.GetEnvironmentVariable(OptOutVariable) == "1")
        {
            output.WriteLine($"skipped: {OptOutVariable}=1 and {path} is absent");
            return null;
        }
        Assert.Fail($"the SARIF multitool is not installed at {path}; run tools/sarif-multitool/install.sh (npm ci), "
            + $"or set {PathVariable} to the binary, or set {OptOutVariable}=1 to skip");
        return null;
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
