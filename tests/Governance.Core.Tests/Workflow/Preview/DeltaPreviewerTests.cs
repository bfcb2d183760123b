using Governance.Core.Accounts;
using Governance.Core.Risk;
using Governance.Core.Workflow.Preview;

namespace Governance.Core.Tests.Workflow.Preview;

/// <summary>
/// The preview an approver reads: what a grant adds to its target role, decided by the engine rather than read from the
/// grant's text, and the risks it brings that the role did not already carry.
/// </summary>
public sealed class DeltaPreviewerTests
{
    private const string RoleArn = "arn:aws:iam::111122223333:role/etl";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Preview_GrantPartlyCoveredByRole_ListsOnlyWhatIsNew()
    {
        // Arrange: the role already reads lake-a; the grant reads and writes it.
        var state = StateWithRole("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake-a/*"}]}""");
        var grant = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::lake-a/*"}]}""";

        // Act
        var preview = DeltaPreviewer.Preview(state, Role(state), grant, Now);

        // Assert
        var added = Assert.Single(preview.Actions);
        Assert.Equal("s3:PutObject", added.Action);
        Assert.Equal(["arn:aws:s3:::lake-a/*"], added.Resources.ToArray());
        Assert.Empty(preview.Findings);
    }

    [Fact]
    public void Preview_GrantTheRoleAlreadyHas_AddsNothing()
    {
        // Arrange: a wildcard the role holds covers the grant's literal actions.
        var state = StateWithRole("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::lake-*"}]}""");
        var grant = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake-a/*"}]}""";

        // Act
        var preview = DeltaPreviewer.Preview(state, Role(state), grant, Now);

        // Assert
        Assert.Empty(preview.Actions);
        Assert.Empty(preview.Findings);
    }

    [Fact]
    public void Preview_GrantOfPolicyAttachmentOnEveryRole_CarriesAHighOrCriticalFinding()
    {
        // Arrange: iam:AttachRolePolicy on every role lets the role attach AdministratorAccess to itself.
        var state = StateWithRole("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake-a/*"}]}""");
        var grant = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:AttachRolePolicy","Resource":"arn:aws:iam::111122223333:role/*"}]}""";

        // Act
        var preview = DeltaPreviewer.Preview(state, Role(state), grant, Now);

        // Assert
        Assert.Contains(preview.Actions, a => a.Action == "iam:AttachRolePolicy");
        Assert.Contains(preview.Findings, f => f.Severity >= RiskSeverity.High && f.Actions.Contains("iam:AttachRolePolicy"));
    }

    [Fact]
    public void Preview_GrantDeniedByTheRolesOwnDeny_AddsNothing()
    {
        // Arrange: an explicit Deny in the role's policies wins over the grant's Allow.
        var state = StateWithRole("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}""");
        var grant = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::lake-a/*"}]}""";

        // Act
        var preview = DeltaPreviewer.Preview(state, Role(state), grant, Now);

        // Assert
        Assert.Empty(preview.Actions);
    }

    private static AccountState StateWithRole(string inlinePolicy)
    {
        var role = new IamRole("etl", "AROAETL", RoleArn, "/", null, [new InlinePolicy("base", inlinePolicy)], [], null, []);
        return new AccountState([new AccountSnapshot([], [], [role], [])]);
    }

    private static ResolvedPrincipal Role(AccountState state) => state.Find(RoleArn).Principal!;
}
