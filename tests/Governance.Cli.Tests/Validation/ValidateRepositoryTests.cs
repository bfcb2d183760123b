using System.Text;
using System.Text.Json;
using TestSupport.Cli;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Validation;

/// <summary>
/// Issue 17: <c>iamgov validate policies/</c> reads a policies repository as it stands (roles, permission sets,
/// guardrails) and fails the gate when it should: an error inside a role, a misspelt policy, nothing validated.
/// </summary>
public sealed class ValidateRepositoryTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Validate_RoleWithAllwInInlinePolicy_ExitsOneWithTheFindingAtItsLineInTheRoleFile()
    {
        // Arrange: the repository's own policies, one role's inline policy broken as the issue describes
        var policies = CopyPolicies();
        var role = Path.Combine(policies, "roles", "data-engineer.json");
        var text = File.ReadAllText(role);
        var at = text.IndexOf("\"Effect\": \"Allow\"", text.IndexOf("\"ReadWriteSandbox\"", StringComparison.Ordinal), StringComparison.Ordinal);
        File.WriteAllText(role, text[..at] + "\"Effect\": \"Allw\"" + text[(at + "\"Effect\": \"Allow\"".Length)..]);
        var (line, column) = LineAndColumnOf(File.ReadAllText(role), "\"Allw\"");

        // Act
        var (exit, stdout, stderr) = CliRunner.Run("validate", policies);

        // Assert
        Assert.True(exit == 1, stdout + stderr);
        Assert.Contains($"roles/data-engineer.json:{line}:{column} error IAM1007 `Allw` is not an effect", stdout, StringComparison.Ordinal);
        Assert.Contains("(in the inline policy `lake-sandbox-access`)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RoleWithAllw_JsonNamesTheDocumentAndItsPath()
    {
        // Arrange
        var role = Write("roles/app.json", """
            {
              "name": "app",
              "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
              "inlinePolicies": {
                "read": {"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allw", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/*"}]}
              }
            }
            """);

        // Act
        var (exit, stdout, _) = CliRunner.Run("validate", role, "-o", "json");

        // Assert
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(stdout);
        var file = Assert.Single(json.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal("role", file.GetProperty("kind").GetString());
        var finding = Assert.Single(file.GetProperty("findings").EnumerateArray());
        Assert.Equal("IAM1007", finding.GetProperty("code").GetString());
        Assert.Equal("inlinePolicies.read", finding.GetProperty("document").GetString());
        Assert.Equal("inlinePolicies.read.Statement[0].Effect", finding.GetProperty("path").GetString());
        var (line, column) = LineAndColumnOf(File.ReadAllText(role), "\"Allw\"");
        Assert.Equal(line, finding.GetProperty("line").GetInt32());
        Assert.Equal(column, finding.GetProperty("column").GetInt32());
        var kinds = file.GetProperty("documents").EnumerateArray().Select(static d => d.GetProperty("category").GetString()).ToList();
        Assert.Equal(["role-trust", "role-inline"], kinds);
    }

    [Fact]
    public void Validate_FolderWithStatmentPolicy_FailsInsteadOfValidatingNothing()
    {
        // Arrange: issue 17's second reproduction, a policy whose `Statement` is misspelt
        Write("policies/deny-all.json", """{"Version": "2012-10-17", "Statment": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}""");

        // Act
        var (exit, stdout, stderr) = CliRunner.Run("validate", Path.Combine(_folder, "policies"));

        // Assert
        Assert.True(exit == 1, stdout + stderr);
        Assert.Contains("error IAM1004", stdout, StringComparison.Ordinal);
        Assert.Contains("unknown top-level key `Statment`", stdout, StringComparison.Ordinal);
        Assert.Contains("1 file validated", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NothingButOtherJson_ExitsOneSayingNothingWasValidated()
    {
        // Arrange
        Write("config/approval-rules.json", """{"autoApprove": {"permissionSets": []}}""");

        // Act
        var (exit, stdout, stderr) = CliRunner.Run("validate", Path.Combine(_folder, "config"));

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains("0 files validated", stdout, StringComparison.Ordinal);
        Assert.Contains("nothing validated", stderr, StringComparison.Ordinal);
        Assert.Contains("approval-rules.json: skipped: approval rules", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyFolder_ExitsOne()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "empty"));

        var (exit, _, stderr) = CliRunner.Run("validate", Path.Combine(_folder, "empty"));

        Assert.Equal(1, exit);
        Assert.Contains("nothing validated", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RepositoryPolicies_ValidatesEveryDocumentAndCountsThemByKind()
    {
        // Arrange: what the folder holds, counted from its files
        var policies = RepositoryPaths.Policies;
        var scps = Directory.GetFiles(Path.Combine(policies, "guardrails", "scp"), "*.json").Length;
        var rcps = Directory.GetFiles(Path.Combine(policies, "guardrails", "rcp"), "*.json").Length;
        var roles = Directory.GetFiles(Path.Combine(policies, "roles"), "*.json");
        var sets = Directory.GetFiles(Path.Combine(policies, "permission-sets"), "*.json").Length;
        var inline = 0;
        var attached = 0;
        var boundaries = 0;
        foreach (var role in roles)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(role));
            inline += json.RootElement.TryGetProperty("inlinePolicies", out var i) ? i.EnumerateObject().Count() : 0;
            attached += json.RootElement.TryGetProperty("attachedPolicies", out var a) ? a.GetArrayLength() : 0;
            boundaries += json.RootElement.TryGetProperty("permissionsBoundary", out _) ? 1 : 0;
        }

        // Act
        var (exit, stdout, stderr) = CliRunner.Run("validate", policies, "-o", "json");
        var text = CliRunner.Run("validate", policies);

        // Assert
        Assert.True(exit == 0, stdout + stderr);
        using var report = JsonDocument.Parse(stdout);
        var documents = report.RootElement.GetProperty("documents");
        Assert.Equal(scps, documents.GetProperty("scp").GetInt32());
        Assert.Equal(rcps, documents.GetProperty("rcp").GetInt32());
        Assert.Equal(roles.Length, documents.GetProperty("role-trust").GetInt32());
        Assert.Equal(inline, documents.GetProperty("role-inline").GetInt32());
        Assert.Equal(sets, documents.GetProperty("permission-set").GetInt32());
        Assert.Equal(attached, report.RootElement.GetProperty("namedByArn").GetProperty("managedPolicies").GetInt32());
        Assert.Equal(boundaries, report.RootElement.GetProperty("namedByArn").GetProperty("permissionsBoundaries").GetInt32());
        Assert.Equal(scps + rcps + roles.Length + sets, report.RootElement.GetProperty("validated").GetInt32());
        var skipped = report.RootElement.GetProperty("skipped").EnumerateArray().Select(static s => s.GetProperty("path").GetString()!).ToList();
        Assert.DoesNotContain(skipped, static p => p.Contains("/roles/", StringComparison.Ordinal) || p.Contains("/permission-sets/", StringComparison.Ordinal)
            || p.Contains("/scp/", StringComparison.Ordinal) || p.Contains("/rcp/", StringComparison.Ordinal));
        Assert.Contains(skipped, static p => p.EndsWith("approval-rules.json", StringComparison.Ordinal));
        Assert.Contains($"{scps} service control policies", text.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{roles.Length} role trust policies", text.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{sets} permission sets", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RoleFileProblems_EachAtItsPlace()
    {
        // Arrange: an unknown field, a trust policy with `Statment`, a boundary that is not a policy ARN
        var role = Write("roles/ops.json", """
            {
              "name": "ops",
              "owner": "platform",
              "trustPolicy": {"Version": "2012-10-17", "Statment": []},
              "permissionsBoundary": "arn:aws:iam::111122223333:role/ops"
            }
            """);
        var text = File.ReadAllText(role);

        // Act
        var (exit, stdout, _) = CliRunner.Run("validate", role);

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains($"ops.json:{LineAndColumnOf(text, "\"owner\"").Line}:", stdout, StringComparison.Ordinal);
        Assert.Contains("IAM5001 unknown field `owner`", stdout, StringComparison.Ordinal);
        Assert.Contains($"ops.json:{LineAndColumnOf(text, "\"Statment\"").Line}:", stdout, StringComparison.Ordinal);
        Assert.Contains("IAM1001 unknown top-level key `Statment`", stdout, StringComparison.Ordinal);
        Assert.Contains("(in the trust policy)", stdout, StringComparison.Ordinal);
        Assert.Contains("IAM5003 `arn:aws:iam::111122223333:role/ops` is not the ARN of a managed policy", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RoleInlinePoliciesOverTheRoleQuota_IsAnError()
    {
        // Arrange: three inline policies of ~4,000 characters each: each fits 10,240 alone, not together
        var statement = string.Join(",", Enumerable.Range(0, 60).Select(static i => $"{{\"Sid\":\"S{i}\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b{i}/*\"}}"));
        var inline = string.Join(",", Enumerable.Range(0, 3).Select(i => $"\"p{i}\":{{\"Version\":\"2012-10-17\",\"Statement\":[{statement}]}}"));
        var role = Write("roles/big.json", """
            {"name": "big",
             "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
             "inlinePolicies": {
            """ + inline + "}}");

        // Act
        var (exit, stdout, _) = CliRunner.Run("validate", role);

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains("big.json:3:", stdout, StringComparison.Ordinal);
        Assert.Contains("error IAM2010 the role's inline policies total", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PermissionSetUnknownAction_IsAnErrorAtTheAction()
    {
        // Arrange
        var set = Write("permission-sets/lake-peek.json", """
            {
              "name": "lake-peek",
              "description": "Peek at lake objects.",
              "statements": [
                {"sid": "Peek", "actions": ["s3:GetObjekt"], "resources": ["{{objects}}"]}
              ],
              "allowedResources": ["arn:aws:s3:::lake-*"],
              "maxDurationHours": 1,
              "approvalsRequired": 1,
              "requesterRoles": ["engineer"]
            }
            """);
        var (line, column) = LineAndColumnOf(File.ReadAllText(set), "\"s3:GetObjekt\"");

        // Act
        var (exit, stdout, _) = CliRunner.Run("validate", set);

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains($"lake-peek.json:{line}:{column} error IAM5002 unknown action `s3:GetObjekt`", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PermissionSetStatements_AreValidatedAsTheGrantPolicyAtTheirTemplate()
    {
        // Arrange: s3:GetObject is covered by s3:Get*, which the validator reports on the rendered policy
        var set = Write("permission-sets/lake-get.json", """
            {
              "name": "lake-get",
              "description": "Read lake objects.",
              "statements": [
                {"sid": "Get", "actions": ["s3:Get*",
                                           "s3:GetObject"], "resources": ["{{objects}}"]}
              ],
              "allowedResources": ["arn:aws:s3:::lake-*"],
              "maxDurationHours": 1,
              "approvalsRequired": 1,
              "requesterRoles": ["engineer"]
            }
            """);
        var (line, column) = LineAndColumnOf(File.ReadAllText(set), "\"s3:GetObject\"");

        // Act
        var (exit, stdout, _) = CliRunner.Run("validate", set, "-o", "json");

        // Assert
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var file = Assert.Single(json.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal("permission-set", file.GetProperty("kind").GetString());
        var finding = Assert.Single(file.GetProperty("findings").EnumerateArray(), static f => f.GetProperty("code").GetString() == "IAM4005");
        Assert.Equal("statements", finding.GetProperty("document").GetString());
        Assert.Equal("statements[0].actions[1]", finding.GetProperty("path").GetString());
        Assert.Equal(line, finding.GetProperty("line").GetInt32());
        Assert.Equal(column, finding.GetProperty("column").GetInt32());
        var document = Assert.Single(file.GetProperty("documents").EnumerateArray());
        Assert.Equal("role-inline", document.GetProperty("container").GetString());
    }

    [Fact]
    public void Validate_StandardInput_ReadsOnePolicyOfTheKindGiven()
    {
        // Arrange: an identity policy read as a trust policy has no Principal
        var policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(policy));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // Act
        var exit = CliApp.Run(["validate", "-", "--kind", "TRUST"], stdin, stdout, stderr);

        // Assert
        Assert.True(exit == 1, stderr.ToString());
        Assert.Contains("standard input:1:", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("IAM2002", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("managed", 0)]
    [InlineData("user-inline", 1)]
    [InlineData("group-inline", 0)]
    public void Validate_Container_SetsTheSizeQuota(string container, int expectedExit)
    {
        // Arrange: about 3,000 characters: over a user's inline quota (2,048), under the others
        var statements = string.Join(",", Enumerable.Range(0, 30).Select(static i => $"{{\"Sid\":\"S{i}\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket{i}/*\"}}"));
        var file = Write("big.json", $$"""{"Version":"2012-10-17","Statement":[{{statements}}]}""");

        // Act
        var (exit, stdout, _) = CliRunner.Run("validate", file, "--container", container);

        // Assert
        Assert.Equal(expectedExit, exit);
        Assert.Equal(expectedExit == 1, stdout.Contains("IAM2010", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OutputFile_WritesTheReportThereAndNothingToStandardOutput()
    {
        var policy = Write("ok.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""");
        var sarif = Path.Combine(_folder, "results.sarif");

        var (exit, stdout, _) = CliRunner.Run("validate", policy, "-o", "SARIF", "--output-file", sarif);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stdout);
        using var json = JsonDocument.Parse(File.ReadAllBytes(sarif));
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
    }

    /// <summary>The 1-based line and column (in characters) of the first <paramref name="needle"/>, counted from the text itself.</summary>
    internal static (int Line, int Column) LineAndColumnOf(string text, string needle)
    {
        var at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, $"`{needle}` is not in the text");
        var before = text[..at];
        var line = before.Count(static c => c == '\n') + 1;
        return (line, at - (before.LastIndexOf('\n') + 1) + 1);
    }

    private string CopyPolicies()
    {
        var target = Path.Combine(_folder, "policies");
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Policies, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(RepositoryPaths.Policies, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
