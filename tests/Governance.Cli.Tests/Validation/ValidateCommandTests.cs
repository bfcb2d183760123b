using System.Text.Json;
using TestSupport.Cli;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Validation;

public sealed class ValidateCommandTests : IDisposable
{
    private const string ValidIdentity = """
        {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/*"}]
        }
        """;

    private const string LowercaseEffect = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}
          ]
        }
        """;

    private const string UnknownAction = """
        {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]
        }
        """;

    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Validate_FolderWithOtherJson_SkipsItButValidatesItWhenNamed()
    {
        // A policies repository holds account snapshots and configuration beside policies.
        Write("policy.json", LowercaseEffect);
        var snapshot = Write("account.json", """{"UserDetailList":[],"RoleDetailList":[]}""");

        var folder = Run("validate", _folder);
        var named = Run("validate", snapshot);

        Assert.Equal(1, folder.Exit);
        Assert.Contains("skipped", folder.Stderr, StringComparison.Ordinal);
        Assert.Contains("account.json", folder.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 file validated", folder.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, named.Exit);
        Assert.Contains("IAM1004", named.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PoliciesFolderWithoutKind_GuardrailsReadAsScpsAndRcps()
    {
        // Act: read as identity policies, the RCP's Principal would be an error (IAM2001)
        var (code, stdout, stderr) = CliRunner.Run("validate", RepositoryPaths.Policies);

        // Assert
        Assert.True(code == 0, stdout + stderr);
        Assert.Matches(@"(?m)^\d+ files validated: no findings", stdout);
    }

    [Fact]
    public void Validate_DemoGuardrails_AreValidScps()
    {
        // Act
        var (code, stdout, stderr) = CliRunner.Run("validate", Path.Combine(RepositoryPaths.Policies, "guardrails", "scp"), "--kind", "scp");

        // Assert
        Assert.True(code == 0, stdout + stderr);
        Assert.Matches(@"(?m)^\d+ files validated: no findings", stdout);
    }

    [Fact]
    public void Validate_ValidFile_ExitsZeroAndSummarises()
    {
        var file = Write("ok.json", ValidIdentity);

        var (exit, stdout, _) = Run("validate", file);

        Assert.Equal(0, exit);
        Assert.Contains("1 file validated: no findings", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FileWithError_ExitsOneWithFileLineColumnSeverityCode()
    {
        var file = Write("bad.json", LowercaseEffect);

        var (exit, stdout, _) = Run("validate", file);

        Assert.Equal(1, exit);
        Assert.Contains($"{file}:4:16 error IAM1007 `allow` is not an effect", stdout, StringComparison.Ordinal);
        Assert.Contains("help: did you mean `Allow`?", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WarningOnly_ExitsZero()
    {
        var file = Write("warn.json", UnknownAction);

        var (exit, stdout, _) = Run("validate", file);

        Assert.Equal(0, exit);
        Assert.Contains("warning IAM3002 unknown action `s3:GetObjekt`", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Folder_ValidatesEveryJsonBelowIt()
    {
        Write("a/ok.json", ValidIdentity);
        Write("a/b/bad.json", LowercaseEffect);
        Write("a/b/notes.txt", "not json");

        var (exit, stdout, _) = Run("validate", Path.Combine(_folder, "a"), "-o", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(stdout);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(2, files.Count);
        Assert.EndsWith("a/b/bad.json", files[0].GetProperty("path").GetString(), StringComparison.Ordinal);
        var finding = Assert.Single(files[0].GetProperty("findings").EnumerateArray());
        Assert.Equal("ERROR", finding.GetProperty("severity").GetString());
        Assert.Equal("IAM1007", finding.GetProperty("code").GetString());
        Assert.Equal("Statement[0].Effect", finding.GetProperty("path").GetString());
        Assert.Equal(4, finding.GetProperty("line").GetInt32());
        Assert.Equal(16, finding.GetProperty("column").GetInt32());
        Assert.StartsWith("`allow` is not an effect", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(files[1].GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public void Validate_KindTrust_AppliesTrustRules()
    {
        var file = Write("trust.json", ValidIdentity);

        var (exit, stdout, _) = Run("validate", "--kind", "trust", file);

        Assert.Equal(1, exit);
        Assert.Contains("IAM2002", stdout, StringComparison.Ordinal);
        Assert.Contains("IAM2006", stdout, StringComparison.Ordinal);
        Assert.Contains("IAM2007", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KindVpcEndpoint_AppliesTheEndpointRules()
    {
        // An endpoint policy "must contain a Principal element" (vpc-endpoints-access.html); an identity policy names none.
        var file = Write("endpoint.json", ValidIdentity);
        var example = Path.Combine(RepositoryPaths.Root, "docs", "examples", "vpc-endpoint-policy.json");

        var (exit, stdout, _) = Run("validate", "--kind", "vpc-endpoint", file);
        var (exampleExit, exampleStdout, _) = Run("validate", "--kind", "vpc-endpoint", example);

        Assert.Equal(1, exit);
        Assert.Contains("IAM2002", stdout, StringComparison.Ordinal);
        Assert.Contains("VPC endpoint policies must name one", stdout, StringComparison.Ordinal);
        Assert.Contains("documents: 1 VPC endpoint policy", stdout, StringComparison.Ordinal);
        Assert.True(exampleExit == 0, exampleStdout);
    }

    [Fact]
    public void Validate_Sarif_WritesRulesResultsAndLocations()
    {
        var bad = Write("bad.json", LowercaseEffect);
        var warn = Write("warn.json", UnknownAction);

        var (exit, stdout, _) = Run("validate", "-o", "sarif", bad, warn);

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("iamgov", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().Select(static r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("IAM1007", rules);
        Assert.Contains("IAM3002", rules);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        var error = results.Single(static r => r.GetProperty("ruleId").GetString() == "IAM1007");
        Assert.Equal("error", error.GetProperty("level").GetString());
        Assert.Equal(rules.IndexOf("IAM1007"), error.GetProperty("ruleIndex").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetProperty("text").GetString()));
        var location = error.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(new Uri(bad).AbsoluteUri, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(4, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(16, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal("warning", results.Single(static r => r.GetProperty("ruleId").GetString() == "IAM3002").GetProperty("level").GetString());
    }

    [Fact]
    public void SourceRootRelativeUri_FileBelowRoot_IsAnEscapedRelativeReference()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");

        Assert.Equal("policies/roles/app%20role.json", Output.SourceRoot.RelativeUri(root, Path.Combine(root, "policies", "roles", "app role.json")));
        Assert.Null(Output.SourceRoot.RelativeUri(root, Path.Combine(Path.GetTempPath(), "elsewhere.json")));
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "--kind", "bucket", "x.json")]
    [InlineData("validate", "-o", "xml", "x.json")]
    [InlineData("validate", "--format", "json", "x.json")]
    [InlineData("validate", "--container", "bucket", "x.json")]
    [InlineData("validate", "-", "-")]
    public void Validate_UsageError_ExitsTwo(params string[] args)
    {
        var (exit, _, stderr) = Run(args);

        Assert.Equal(CliApp.UsageError, exit);
        Assert.StartsWith("iamgov: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingPath_ExitsTwoNamingIt()
    {
        var missing = Path.Combine(_folder, "nope.json");

        var (exit, _, stderr) = Run("validate", missing);

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    // CliRunner's result under the names these tests read.
    private static (int Exit, string Stdout, string Stderr) Run(params string[] args) => CliRunner.Run(args);
}
