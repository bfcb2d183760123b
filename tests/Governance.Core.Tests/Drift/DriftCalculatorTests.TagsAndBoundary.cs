using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Risk;
using static Governance.Core.Tests.Drift.DriftTestAccount;

namespace Governance.Core.Tests.Drift;

public sealed partial class DriftCalculatorTests
{
    private const string LakeBoundary = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";

    [Fact]
    public void Compare_TagValueChangedAndTagAdded_LowPolicyDriftListingBoth()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)) with { Tags = Tags(("team", "analytics")) });
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)).WithTags(("team", "bi"), ("temp", "yes")));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal(DriftKind.PolicyDrift, finding.Kind);
        Assert.Equal(RiskSeverity.Low, finding.Severity);
        Assert.Equal("tags differ from code: `team` is `bi`, code says `analytics`; `temp` (`yes`) is not in code", finding.Detail);
    }

    [Fact]
    public void Compare_TagMissingInAccount_LowPolicyDrift()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)) with { Tags = Tags(("team", "analytics"), ("cost-center", "bi-42")) });
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)).WithTags(("team", "analytics")));

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal("tags differ from code: `cost-center` (`bi-42` in code) is missing", finding.Detail);
    }

    [Fact]
    public void Compare_TagKeyInOtherCase_NoDrift()
    {
        // Arrange: IAM tag keys are case-insensitive
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)) with { Tags = Tags(("Team", "analytics")) });
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)).WithTags(("team", "analytics")));

        // Act
        var findings = DriftCalculator.Compare(desired, actual, Now);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Compare_BoundaryMissingWhilePoliciesStayWithinIt_HighBoundaryDrift()
    {
        // Arrange: no request of the role's decides differently, but the guardrail is gone
        var boundary = ManagedPolicyArn("LakeBoundary");
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)) with { PermissionsBoundary = boundary });
        var actual = State([AccountRole("analyst", ("read-lake", ReadLake))], [ManagedPolicy("LakeBoundary", LakeBoundary)]);

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal(DriftKind.PolicyDrift, finding.Kind);
        Assert.Equal(RiskSeverity.High, finding.Severity);
        Assert.Equal($"permissions boundary `{boundary}` set in code is not on the role", finding.Detail);
    }

    [Fact]
    public void Compare_BoundaryCodeDoesNotSet_MediumBoundaryDrift()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var actual = State([AccountRole("analyst", ("read-lake", ReadLake)).WithBoundary(ManagedPolicyArn("LakeBoundary"))],
            [ManagedPolicy("LakeBoundary", LakeBoundary)]);

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal(RiskSeverity.Medium, finding.Severity);
        Assert.Contains("which code does not set", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_BoundaryReplacedByAnEquivalentOne_NoDrift()
    {
        // Arrange: another name, statements split and written otherwise, the same decisions
        const string equivalent = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Objects","Effect":"Allow","Action":["s3:*Object*","s3:*"],"Resource":["*"]}]}
            """;
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)) with { PermissionsBoundary = ManagedPolicyArn("LakeBoundary") });
        var actual = State([AccountRole("analyst", ("read-lake", ReadLake)).WithBoundary(ManagedPolicyArn("LakeBoundaryV2"))],
            [ManagedPolicy("LakeBoundary", LakeBoundary), ManagedPolicy("LakeBoundaryV2", equivalent)]);

        // Act
        var findings = DriftCalculator.Compare(desired, actual, Now);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Compare_BoundaryReplacedByAWiderOne_HighBoundaryDriftWithDelta()
    {
        // Arrange
        const string wider = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","dynamodb:DeleteTable"],"Resource":"*"}]}""";
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)) with { PermissionsBoundary = ManagedPolicyArn("LakeBoundary") });
        var actual = State([AccountRole("analyst", ("read-lake", ReadLake)).WithBoundary(ManagedPolicyArn("Wide"))],
            [ManagedPolicy("LakeBoundary", LakeBoundary), ManagedPolicy("Wide", wider)]);

        // Act
        var finding = Assert.Single(DriftCalculator.Compare(desired, actual, Now));

        // Assert
        Assert.Equal(RiskSeverity.High, finding.Severity);
        Assert.Contains($"permissions boundary is `{ManagedPolicyArn("Wide")}`, code sets `{ManagedPolicyArn("LakeBoundary")}`", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("added dynamodb:DeleteTable on *", finding.Detail, StringComparison.Ordinal);
    }
}
