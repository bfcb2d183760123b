using System.Text.Json;
using TestSupport.Paths;
using static TestSupport.Cli.CliRunner;

namespace Governance.Cli.Tests.Audit;

public sealed class AuditCommandTests
{
    private static readonly string Lab = TestData.Account("cloudsplaining-example.json");

    [Fact]
    public void Audit_JsonForOnePrincipal_WritesTheDocumentedCore()
    {
        // Act
        var (code, output, error) = Run("audit", "--account", Lab, "--principal", "privesc15-PassExistingRoleToNewLambdaThenInvoke-user", "--format", "json");

        // Assert
        Assert.Equal(0, code);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        var principal = Assert.Single(json.RootElement.GetProperty("principals").EnumerateArray());
        Assert.EndsWith("user/privesc15-PassExistingRoleToNewLambdaThenInvoke-user", principal.GetProperty("arn").GetString(), StringComparison.Ordinal);
        var finding = principal.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("category").GetString() == "PrivilegeEscalation");
        Assert.Equal("High", finding.GetProperty("severity").GetString());
        Assert.Equal(["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], finding.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(2, finding.GetProperty("path").GetArrayLength());
        var evidence = finding.GetProperty("evidence")[0];
        Assert.Equal("privesc15-PassExistingRoleToNewLambdaThenInvoke", evidence.GetProperty("policy").GetString());
        Assert.True(evidence.GetProperty("line").GetInt32() > 0);
        Assert.True(evidence.TryGetProperty("sid", out _));
    }

    [Fact]
    public void Audit_HtmlToFile_IsOneSelfContainedPage()
    {
        // Arrange
        var file = Path.Combine(Path.GetTempPath(), $"iamgov-audit-{Guid.NewGuid():N}.html");

        try
        {
            // Act
            var (code, output, _) = Run("audit", "--account", Lab, "--format", "html", "--out", file);

            // Assert
            Assert.Equal(0, code);
            Assert.Contains("122 principals", output, StringComparison.Ordinal);
            var html = File.ReadAllText(file);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("<svg", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
            Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
            Assert.Contains("privesc-AssumeRole-starting-role", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("text", "[High] PrivilegeEscalation")]
    [InlineData("markdown", "# IAM access audit")]
    public void Audit_TextAndMarkdown_NameTheFindings(string format, string expected)
    {
        // Act
        var (code, output, _) = Run("audit", "--account", Lab, "--principal", "privesc7-AttachUserPolicy-user", "--format", format);

        // Assert
        Assert.Equal(0, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Contains("iam:AttachUserPolicy", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_UnknownPrincipal_IsAUsageErrorWithSuggestions()
    {
        // Act
        var (code, _, error) = Run("audit", "--account", Lab, "--principal", "privesc7-AttachUserPolicy-usr");

        // Assert
        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("no user or role", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_UnknownFormat_IsAUsageErrorNamingTheFormats()
    {
        // Act
        var (code, output, error) = Run("audit", "--account", Lab, "--format", "pdf");

        // Assert
        Assert.Equal(CliApp.UsageError, code);
        Assert.Empty(output);
        Assert.Contains("unknown format `pdf`; use `text`, `json`, `markdown` or `html`", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_FormatInCapitals_IsRead()
    {
        // Act
        var (code, output, _) = Run("audit", "--account", Lab, "--principal", "privesc7-AttachUserPolicy-user", "--format", "JSON");

        // Assert
        Assert.Equal(0, code);
        Assert.StartsWith("{", output, StringComparison.Ordinal);
        Assert.EndsWith("}\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_MissingAccountFile_IsAUsageError()
    {
        // Act
        var (code, _, error) = Run("audit", "--account", "/nonexistent/account.json");

        // Assert
        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }
}
