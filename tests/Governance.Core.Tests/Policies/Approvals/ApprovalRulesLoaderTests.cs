using Governance.Core.Policies;
using Governance.Core.Policies.Approvals;
using Governance.Core.Policies.PermissionSets;
using TestSupport.Paths;

namespace Governance.Core.Tests.Policies.Approvals;

public sealed class ApprovalRulesLoaderTests
{
    private static readonly PermissionSetCatalog NoSets = new([]);

    [Fact]
    public void Load_RepositoryRules_OutsidersNeedTwoApprovals()
    {
        // Act
        var rules = GovernancePolicies.Load(RepositoryPaths.Policies).ApprovalRules;

        // Assert
        Assert.Equal(new GainerRule(FindingOutcome.RequireApprovals, 2), rules.Outsiders);
        Assert.Null(rules.Services);
        Assert.Null(rules.Anyone);
    }

    [Fact]
    public void Read_GainerRules_ReadsEachTerm()
    {
        // Arrange
        const string json = """
            {"outsiders":{"outcome":"refuse"},"services":{"outcome":"requireApprovals","approvalsRequired":3},"anyone":{"outcome":"refuse"}}
            """;

        // Act
        var (rules, errors) = ApprovalRulesLoader.Read("approval-rules.json", json, NoSets);

        // Assert
        Assert.Empty(errors);
        Assert.Equal(new GainerRule(FindingOutcome.Refuse, 0), rules!.Outsiders);
        Assert.Equal(new GainerRule(FindingOutcome.RequireApprovals, 3), rules.Services);
        Assert.Equal(new GainerRule(FindingOutcome.Refuse, 0), rules.Anyone);
    }

    [Fact]
    public void Read_BadGainerRules_NamesEachPlace()
    {
        // Arrange
        const string json = """
            {"outsiders":{"outcome":"allow"},"services":{"outcome":"requireApprovals"},"anyone":"refuse","extra":{"outcome":"refuse","x":1}}
            """;

        // Act
        var (rules, errors) = ApprovalRulesLoader.Read("approval-rules.json", json, NoSets);

        // Assert
        Assert.Null(rules);
        Assert.Equal(["anyone", "extra", "outsiders.outcome", "services.approvalsRequired"], errors.Select(static e => e.JsonPath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_OutsidersApprovalsOutOfRange_IsAnError()
    {
        // Act
        var (rules, errors) = ApprovalRulesLoader.Read("approval-rules.json", """{"outsiders":{"outcome":"requireApprovals","approvalsRequired":9}}""", NoSets);

        // Assert
        Assert.Null(rules);
        Assert.Equal("outsiders.approvalsRequired", Assert.Single(errors).JsonPath);
    }
}
