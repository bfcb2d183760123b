using System.Reflection;
using System.Text;
using System.Text.Json;
using Governance.Cli.Output;
using PolicyEngine.Diagnostics;
using TestSupport.Cli;
using TestSupport.Files;

namespace Governance.Cli.Tests.Validation;

/// <summary>The SARIF of <c>iamgov validate</c> as GitHub code scanning needs it: rules with help, stable fingerprints, relative locations, notifications.</summary>
public sealed class SarifReportTests : IDisposable
{
    private const string Role = """
        {
          "name": "app",
          "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
          "inlinePolicies": {
            "read": {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "Read", "Effect": "Allw", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/*"}
              ]
            }
          }
        }
        """;

    private readonly TempFolder _folder = TempFolder.Create();

    public SarifReportTests()
    {
        // A repository root, as a CI checkout has: locations are relative to it.
        Directory.CreateDirectory(Path.Combine(_folder, ".git"));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Sarif_Driver_ListsEveryValidatorCodeWithDescriptionsHelpAndAnAwsLink()
    {
        // Arrange: every code the validator and the repository reader can report, found by reflection
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(Cli.Validation.RepositoryCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(static f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        Write("policies/ok.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""");

        // Act
        using var sarif = Sarif("policies");

        // Assert
        var driver = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.True(Uri.TryCreate(driver.GetProperty("informationUri").GetString(), UriKind.Absolute, out _));
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("version").GetString()));
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("semanticVersion").GetString()));
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), rules.Select(static r => r.GetProperty("id").GetString()!));
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString();
            Assert.True(RuleCatalog.Help.ContainsKey(id!), $"{id} has no help of its own");
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("name").GetString()), id);
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()), id);
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()), id);
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()), id);
            Assert.Contains("https://docs.aws.amazon.com/", rule.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
            var help = new Uri(rule.GetProperty("helpUri").GetString()!);
            Assert.Equal("docs.aws.amazon.com", help.Host);
        }
        var passRole = rules.Single(static r => r.GetProperty("id").GetString() == DiagnosticCodes.PassRoleOnAnyResource);
        Assert.Contains("security", passRole.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(static t => t.GetString()));
        Assert.True(double.Parse(passRole.GetProperty("properties").GetProperty("security-severity").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= 7.0);
    }

    [Fact]
    public void Sarif_Result_IsRelativeToTheRepositoryRootWithTheLineInTheRoleFile()
    {
        // Arrange
        var role = Write("policies/roles/app.json", Role);
        var (line, column) = ValidateRepositoryTests.LineAndColumnOf(File.ReadAllText(role), "\"Allw\"");

        // Act
        using var sarif = Sarif("policies");

        // Assert
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal(new Uri(_folder.Path + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        var result = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("IAM1007", result.GetProperty("ruleId").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("policies/roles/app.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(line, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(column, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Contains("inline policy `read`", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_Fingerprint_SurvivesLinesInsertedAboveTheFinding()
    {
        // Arrange
        var role = Write("policies/roles/app.json", Role);
        using var before = Sarif("policies");
        // A description and a second inline policy above, and the statement moved down by a new first statement
        File.WriteAllText(role, Role
            .Replace("\"name\": \"app\",", "\"name\": \"app\",\n  \"description\": \"the app's role\",\n\n", StringComparison.Ordinal)
            .Replace("\"inlinePolicies\": {", "\"inlinePolicies\": {\n    \"write\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::lake/*\"}]},", StringComparison.Ordinal)
            .Replace("\"Statement\": [\n        {\"Sid\": \"Read\"", "\"Statement\": [\n        {\"Sid\": \"List\", \"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"arn:aws:s3:::lake\"},\n        {\"Sid\": \"Read\"", StringComparison.Ordinal));

        Assert.Contains("\"Sid\": \"List\"", File.ReadAllText(role), StringComparison.Ordinal);

        // Act
        using var after = Sarif("policies");

        // Assert
        var first = Result(before, "IAM1007");
        var second = Result(after, "IAM1007");
        Assert.NotEqual(Line(first), Line(second)); // the edit did move the finding
        Assert.Equal(Fingerprint(first), Fingerprint(second));
    }

    [Fact]
    public void Sarif_Fingerprint_DiffersForAnotherStatementOrFile()
    {
        // Arrange: the same mistake in two statements of one file, and in another file
        var policy = """{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allw","Action":"s3:GetObject","Resource":"*"},{"Sid":"B","Effect":"Allw","Action":"s3:GetObject","Resource":"*"}]}""";
        Write("policies/one.json", policy);
        Write("policies/two.json", policy);

        // Act
        using var sarif = Sarif("policies");

        // Assert
        var fingerprints = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(static r => r.GetProperty("ruleId").GetString() == "IAM1007").Select(Fingerprint).ToList();
        Assert.Equal(4, fingerprints.Count);
        Assert.Equal(4, fingerprints.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Sarif_SkippedAndNothingValidated_AreNotificationsAndTheRunIsNotSuccessful()
    {
        // Arrange
        Write("config/approval-rules.json", """{"autoApprove": {}}""");

        // Act
        var (exit, stdout, _) = Run("config");

        // Assert
        Assert.Equal(1, exit);
        using var sarif = JsonDocument.Parse(stdout);
        var invocation = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notifications = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().ToList();
        var skipped = Assert.Single(notifications, static n => n.GetProperty("level").GetString() == "note");
        Assert.Contains("approval-rules.json", skipped.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("config/approval-rules.json",
            skipped.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Contains(notifications, static n => n.GetProperty("level").GetString() == "error"
            && n.GetProperty("message").GetProperty("text").GetString()!.Contains("Nothing validated", StringComparison.Ordinal));
    }

    private static JsonElement Result(JsonDocument sarif, string ruleId)
        => sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == ruleId);

    private static int Line(JsonElement result)
        => result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32();

    private static string Fingerprint(JsonElement result)
        => result.GetProperty("partialFingerprints").GetProperty(FindingFingerprint.Key).GetString()!;

    private JsonDocument Sarif(string relative)
    {
        var (_, stdout, stderr) = Run(relative);
        Assert.True(stdout.Length > 0, stderr);
        return JsonDocument.Parse(stdout);
    }

    private (int Exit, string Stdout, string Stderr) Run(string relative)
        => CliRunner.Run("validate", Path.Combine(_folder, relative), "-o", "sarif");

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
