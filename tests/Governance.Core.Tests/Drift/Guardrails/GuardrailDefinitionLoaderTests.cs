using Governance.Core.Accounts.Organization;
using Governance.Core.Drift.Guardrails;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Core.Tests.Drift.Guardrails;

public sealed class GuardrailDefinitionLoaderTests : IDisposable
{
    private const string Deny = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}""";
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void LoadDirectory_RepositoryGuardrails_EveryScpAndRcpWithItsTargets()
    {
        // Act
        var (guardrails, errors) = GuardrailDefinitionLoader.LoadDirectory(Path.Combine(RepositoryPaths.Policies, "guardrails"));

        // Assert: six SCP files, FullAWSAccess from attachments.json alone, one RCP
        Assert.Empty(errors);
        Assert.Equal(
            ["rcp/DenyOutsidePrincipals", "scp/DataAllowList", "scp/FullAWSAccess", "scp/deny-leave-organization", "scp/deny-root-user",
                "scp/protect-audit-trail", "scp/protect-lake-buckets", "scp/region-lock"],
            guardrails.Select(static g => g.Key).Order(StringComparer.Ordinal));
        Assert.Null(Assert.Single(guardrails, static g => g.Name == "FullAWSAccess").Document);
        Assert.Equal(["ou:Data"], Assert.Single(guardrails, static g => g.Name == "DataAllowList").Targets!.Value.Select(static t => t.Text));
    }

    [Fact]
    public void LoadDirectory_NoAttachmentsFile_TargetsNotStated()
    {
        // Arrange: a folder of plain SCP documents, as before attachments.json existed
        Write("scp/deny-leave.json", Deny);

        // Act
        var (guardrails, errors) = GuardrailDefinitionLoader.LoadDirectory(_folder);

        // Assert
        Assert.Empty(errors);
        var guardrail = Assert.Single(guardrails);
        Assert.Equal(("deny-leave", OrganizationPolicyType.ServiceControlPolicy), (guardrail.Name, guardrail.Type));
        Assert.Null(guardrail.Targets);
    }

    [Fact]
    public void LoadDirectory_AttachmentWithoutAFile_ErrorNamesTheMissingFile()
    {
        // Arrange
        Write("scp/deny-leave.json", Deny);
        Write("attachments.json", """{"scp": {"deny-leave": ["root"], "ghost": ["root"]}}""");

        // Act
        var (guardrails, errors) = GuardrailDefinitionLoader.LoadDirectory(_folder);

        // Assert
        Assert.Empty(guardrails);
        Assert.Equal("attachments.json: scp.ghost: `ghost` has no file `scp/ghost.json`", Assert.Single(errors).ToString());
    }

    [Fact]
    public void LoadDirectory_TargetInNoForm_ErrorNamesItsPlace()
    {
        // Arrange
        Write("scp/deny-leave.json", Deny);
        Write("attachments.json", """{"scp": {"deny-leave": ["root", "Data"]}}""");

        // Act
        var (_, errors) = GuardrailDefinitionLoader.LoadDirectory(_folder);

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal(("attachments.json", "scp.deny-leave[1]"), (error.File, error.JsonPath));
        Assert.StartsWith("`Data` is not a target", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_RcpThatAllows_Refused()
    {
        // Arrange: AWS refuses Allow in an RCP of one's own
        Write("rcp/open.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}""");

        // Act
        var (_, errors) = GuardrailDefinitionLoader.LoadDirectory(_folder);

        // Assert
        Assert.Equal("rcp/open.json: an RCP may only deny: AWS refuses `Allow` statements in RCPs", Assert.Single(errors).ToString());
    }

    [Fact]
    public void LoadDirectory_DocumentNotJson_ErrorNamesTheFile()
    {
        // Arrange
        Write("scp/broken.json", "{ not json");

        // Act
        var (_, errors) = GuardrailDefinitionLoader.LoadDirectory(_folder);

        // Assert
        Assert.Equal("scp/broken.json", Assert.Single(errors).File);
    }

    [Theory]
    [InlineData("root", true)]
    [InlineData("ou:Data", true)]
    [InlineData("ou:Data/Consumers", true)]
    [InlineData("r-a1b2", true)]
    [InlineData("ou-a1b2-f6g7h8i9", true)]
    [InlineData("111122223333", true)]
    [InlineData("Root", false)]
    [InlineData("ou:", false)]
    [InlineData("ou:Data//Consumers", false)]
    [InlineData("11112222333", false)]
    [InlineData("Data", false)]
    public void TryParse_TargetForms_OnlyTheFourFormsRead(string text, bool expected)
    {
        // Act
        var read = GuardrailTarget.TryParse(text, out _);

        // Assert
        Assert.Equal(expected, read);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
