using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Risk;
using Governance.Core.Workflow.Grants;
using PolicyEngine.Catalog;
using static Governance.Core.Tests.Drift.DriftTestAccount;

namespace Governance.Core.Tests.Drift;

public sealed partial class DriftCalculatorTests
{
    [Fact]
    public void Compare_AccountMatchesCode_NoFindings()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)));

        // Act
        var findings = DriftCalculator.Compare(desired, actual, Now);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Compare_StatementsReorderedAndPolicyRenamed_NoDrift()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("lake", ReadLakeReordered)));

        // Act
        var findings = DriftCalculator.Compare(desired, actual, Now);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Compare_WildcardRewrittenAsTheActionsItCovers_NoDrift()
    {
        // Arrange
        var covered = ActionCatalog.Default.Expand("athena:GetQuery*").Select(static a => a.FullName).ToArray();
        Assert.True(covered.Length > 1, "the wildcard must cover several actions for the rewrite to mean anything");
        var wildcard = Policy("athena:GetQuery*", "arn:aws:athena:eu-west-1:111122223333:workgroup/analytics");
        var listed = Policy(covered, "arn:aws:athena:eu-west-1:111122223333:workgroup/analytics");
        var desired = Desired(Role("analyst", ("athena", wildcard)));
        var actual = State(AccountRole("analyst", ("athena", listed)));

        // Act
        var findings = DriftCalculator.Compare(desired, actual, Now);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Compare_ActionAddedInAccount_PolicyDriftWithDelta()
    {
        // Arrange
        var widened = Policy(["s3:GetObject", "s3:DeleteObject"], "arn:aws:s3:::lake/*");
        var desired = Desired(Role("analyst", ("read-lake", Policy("s3:GetObject", "arn:aws:s3:::lake/*"))));
        var actual = State(AccountRole("analyst", ("read-lake", widened)));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal(DriftKind.PolicyDrift, finding.Kind);
        Assert.Equal(Analyst, finding.Principal);
        Assert.Equal(RiskSeverity.High, finding.Severity);
        Assert.Contains("added s3:DeleteObject on arn:aws:s3:::lake/*", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ActionRemovedInAccount_MediumPolicyDrift()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", Policy("s3:GetObject", "arn:aws:s3:::lake/*"))));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal(DriftKind.PolicyDrift, finding.Kind);
        Assert.Equal(RiskSeverity.Medium, finding.Severity);
        Assert.Contains("removed s3:ListBucket", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_RoleOnlyInAccount_UnmanagedPrincipal()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)), AccountRole("shadow-reader", ("read-lake", ReadLake)));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal(DriftKind.UnmanagedPrincipal, finding.Kind);
        Assert.Equal("arn:aws:iam::111122223333:role/shadow-reader", finding.Principal);
    }

    [Fact]
    public void Compare_AccountGivesAdminCodeDoesNot_NewRisk()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake), ("break-glass", Policy("*", "*"))));

        // Act
        var findings = DriftCalculator.Compare(desired, actual, Now);

        // Assert
        Assert.Contains(findings, static f => f.Kind == DriftKind.PolicyDrift && f.Principal == Analyst);
        var risk = Assert.Single(findings, static f => f.Kind == DriftKind.NewRisk && f.Detail.StartsWith("AdminEquivalent", StringComparison.Ordinal));
        Assert.Equal(Analyst, risk.Principal);
        Assert.Equal(RiskSeverity.Critical, risk.Severity);
    }

    [Fact]
    public void Compare_RiskAlsoInCode_NotNewRisk()
    {
        // Arrange
        var admin = Policy("*", "*");
        var desired = Desired(Role("analyst", ("admin", admin)));
        var actual = State(AccountRole("analyst", ("admin", admin)));

        // Act
        var findings = DriftCalculator.Compare(desired, actual, Now);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Compare_RoleOnlyInCode_MissingPrincipal()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)), Role("etl-runner", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal(DriftKind.MissingPrincipal, finding.Kind);
        Assert.Equal("arn:aws:iam::111122223333:role/etl-runner", finding.Principal);
    }

    [Fact]
    public void Compare_ActiveGrantProvisioned_NoFindings()
    {
        // Arrange
        var grant = ActiveGrant(Now.AddHours(4));
        var desired = Desired([grant], Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake), (grant.PolicyName, grant.PolicyDocument)));

        // Act
        var findings = DriftCalculator.Compare(desired, actual, Now);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Compare_ActiveGrantPolicyAbsent_GrantMissing()
    {
        // Arrange
        var grant = ActiveGrant(Now.AddHours(4));
        var desired = Desired([grant], Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal(DriftKind.GrantMissing, finding.Kind);
        Assert.Contains(grant.PolicyName, finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_RevokedGrantPolicyStillPresent_HighStaleGrant()
    {
        // Arrange
        var grant = ActiveGrant(Now.AddHours(4));
        grant.End(GrantStatus.Revoked, "bob", null, Now.AddMinutes(-5));
        var desired = Desired([grant], Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake), (grant.PolicyName, grant.PolicyDocument)));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal(DriftKind.StaleGrant, finding.Kind);
        Assert.Equal(RiskSeverity.High, finding.Severity);
    }

    [Fact]
    public void Compare_ExpiredGrantPolicyStillPresent_LowStaleGrant()
    {
        // Arrange
        var grant = ActiveGrant(Now.AddHours(-1));
        grant.End(GrantStatus.Expired, "system", "window ended", Now.AddMinutes(-59));
        var desired = Desired([grant], Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake), (grant.PolicyName, grant.PolicyDocument)));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal(DriftKind.StaleGrant, finding.Kind);
        Assert.Equal(RiskSeverity.Low, finding.Severity);
    }
}
