using System.Text.Json;
using TestSupport.Paths;
using static TestSupport.Cli.CliRunner;

namespace Governance.Cli.Tests.Audit;

public sealed class AuditCommandTests
{
    private static readonly string Lab = TestData.Account("cloudsplaining-example.json");
    private static readonly string ExposureOrg = TestData.Path("organizations", "exposure");
    private static readonly string DemoOrg = Path.Combine(RepositoryPaths.Policies, "demo-org");

    [Fact]
    public void Audit_JsonForOnePrincipal_WritesTheDocumentedCore()
    {
        // Act
        var (code, output, error) = Run("audit", "--account", Lab, "--principal", "privesc15-PassExistingRoleToNewLambdaThenInvoke-user", "-o", "json");

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
            var (code, output, _) = Run("audit", "--account", Lab, "-o", "html", "--output-file", file);

            // Assert
            Assert.Equal(0, code);
            Assert.Contains("122 principals", output, StringComparison.Ordinal);
            var html = File.ReadAllText(file);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("<svg", html, StringComparison.Ordinal);
            Assert.Contains("<script>", html, StringComparison.Ordinal);
            Assert.Equal(html.IndexOf("<script>", StringComparison.Ordinal), html.LastIndexOf("<script", StringComparison.Ordinal)); // the search, and no other script
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
        var (code, output, _) = Run("audit", "--account", Lab, "--principal", "privesc7-AttachUserPolicy-user", "-o", format);

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
        var (code, output, error) = Run("audit", "--account", Lab, "-o", "pdf");

        // Assert
        Assert.Equal(CliApp.UsageError, code);
        Assert.Empty(output);
        Assert.Equal("iamgov: --output: `pdf` is not an output; use `text`, `json`, `markdown` or `html`", error.TrimEnd());
    }

    [Fact]
    public void Audit_FormatInCapitals_IsRead()
    {
        // Act
        var (code, output, _) = Run("audit", "--account", Lab, "--principal", "privesc7-AttachUserPolicy-user", "-o", "JSON");

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
    [Fact]
    public void Audit_OrgJson_CarriesResourceAndGuardrailFindingsBesideThePrincipals()
    {
        // tests/data/organizations/exposure/README.md derives each expectation.
        var (code, output, error) = Run("audit", "--org", ExposureOrg, "-o", "json");

        Assert.Equal(0, code);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        var resources = json.RootElement.GetProperty("resources").EnumerateArray()
            .ToDictionary(static r => r.GetProperty("name").GetString()!, static r => r);
        Assert.Equal(["ComputeAllowList", "Orphan", "QueuePerimeter", "open-reports", "vendor-access"], resources.Keys.Order(StringComparer.Ordinal));
        var bucket = resources["open-reports"];
        Assert.Equal(("Bucket", "111111111111"), (bucket.GetProperty("kind").GetString(), bucket.GetProperty("account").GetString()));
        var finding = bucket.GetProperty("findings")[0];
        Assert.Equal(("OutsideAccess", "High"), (finding.GetProperty("category").GetString(), finding.GetProperty("severity").GetString()));
        Assert.Equal("PublicRead", finding.GetProperty("evidence")[0].GetProperty("sid").GetString());
        Assert.Equal("Low", resources["vendor-access"].GetProperty("findings")[0].GetProperty("severity").GetString());
        Assert.Equal("Medium", resources["ComputeAllowList"].GetProperty("findings")[0].GetProperty("severity").GetString());
        Assert.Equal("Medium", resources["QueuePerimeter"].GetProperty("findings")[0].GetProperty("severity").GetString());
        Assert.Equal("Low", resources["Orphan"].GetProperty("findings")[0].GetProperty("severity").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("totals").GetProperty("byCategory").GetProperty("OutsideAccess").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("principals").EnumerateArray(), static p => p.GetProperty("name").GetString() == "vendor-access");
    }

    [Fact]
    public void Audit_DemoOrgText_NamesTheContractorsTrust()
    {
        // policies/demo-org: etl-runner's ContractorDebugging admits 444455556666, outside the organisation, with no external id.
        var (code, output, _) = Run("audit", "--org", DemoOrg);

        Assert.Equal(0, code);
        Assert.Contains("[Medium] OutsideAccess: Account 444455556666 (outside the organisation) can assume it, with no sts:ExternalId required", output, StringComparison.Ordinal);
        Assert.Contains("granted by: trust policy of `etl-runner` ContractorDebugging", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("markdown", "## open-reports")]
    [InlineData("html", "Resources and guardrails")]
    public void Audit_OrgMarkdownAndHtml_HaveAResourceSection(string format, string expected)
    {
        var (code, output, _) = Run("audit", "--org", ExposureOrg, "-o", format);

        Assert.Equal(0, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Contains("Anyone outside the organisation can s3:GetObject", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_AccountFile_SaysResourcePoliciesAreUnknown()
    {
        var (code, output, _) = Run("audit", "--account", Lab, "--principal", "privesc7-AttachUserPolicy-user", "-o", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Empty(json.RootElement.GetProperty("resources").EnumerateArray());
        Assert.StartsWith("resource policies unknown", json.RootElement.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_OrgGivenOneAccountsFile_AuditsItAndSaysResourcePoliciesAreUnknown()
    {
        var (code, output, _) = Run("audit", "--org", Path.Combine(RepositoryPaths.Policies, "demo-account.json"));

        Assert.Equal(0, code);
        Assert.StartsWith("note: resource policies unknown", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_OrgWithAccount_IsAUsageError()
    {
        var (code, _, error) = Run("audit", "--org", ExposureOrg, "--account", Lab);

        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("`--account` and `--org` exclude each other", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_OrgFolderMissing_IsAUsageErrorNamingIt()
    {
        var (code, _, error) = Run("audit", "--org", "/nonexistent/org");

        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("/nonexistent/org", error, StringComparison.Ordinal);
    }
    [Fact]
    public void Audit_OrgForOnePrincipal_ListsItAlone()
    {
        var (code, output, _) = Run("audit", "--org", ExposureOrg, "--principal", "role/vendor-access", "-o", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("arn:aws:iam::111111111111:role/vendor-access", Assert.Single(json.RootElement.GetProperty("principals").EnumerateArray()).GetProperty("arn").GetString());
    }
    [Fact]
    public void Audit_OrgGivenTheLabFile_AuditsTheSamePrincipalsAsAccount()
    {
        // One IAM export read as an organisation of one: every principal it holds is audited, as --account does.
        var (_, org, _) = Run("audit", "--org", Lab, "-o", "json");
        var (_, account, _) = Run("audit", "--account", Lab, "-o", "json");

        using var fromOrg = JsonDocument.Parse(org);
        using var fromAccount = JsonDocument.Parse(account);
        Assert.Equal(
            fromAccount.RootElement.GetProperty("principals").EnumerateArray().Select(static p => p.GetProperty("arn").GetString()).ToList(),
            fromOrg.RootElement.GetProperty("principals").EnumerateArray().Select(static p => p.GetProperty("arn").GetString()).ToList());
    }
}
