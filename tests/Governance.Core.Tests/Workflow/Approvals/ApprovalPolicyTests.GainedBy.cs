using Governance.Core.Accounts.Questions;
using Governance.Core.Policies.Approvals;
using Governance.Core.Workflow.Approvals;
using Governance.Core.Workflow.Preview;
using PolicyEngine.Catalog;

namespace Governance.Core.Tests.Workflow.Approvals;

/// <summary>Who else gains the access through the target role (issue 14): a grant on a role is a grant to everyone who can act as it.</summary>
public sealed partial class ApprovalPolicyTests
{
    private const string Contractor = "arn:aws:iam::444455556666:role/contractor-support";

    private static AccessGainer Insider(string arn, bool holds = false, string? owner = null)
        => new(arn, AssumerKind.User, "111122223333", true, $"{arn} -> role/target", holds, owner, []);

    private static AccessGainer Outsider(string arn = Contractor)
        => new(arn, AssumerKind.Role, "444455556666", false, "444455556666:role/contractor-support -> role/target", false, null, []);

    private static AccessPreview ReadPreview(params AccessGainer[] gainers) => Preview([AccessLevel.Read]) with { GainedBy = [.. gainers] };

    [Fact]
    public void Evaluate_OutsiderGainsTheAccess_IsNotApprovedAutomaticallyAndNamesTheOutsiderFirst()
    {
        // Act
        var result = ApprovalPolicy.Evaluate(Set, ReadPreview(Outsider(), Insider("arn:aws:iam::111122223333:user/bob")), Rules, Requester);

        // Assert: no outsiders rule, so a person decides with the set's own count.
        Assert.Equal((ApprovalOutcome.RequireApprovals, 1), (result.Outcome, result.ApprovalsRequired));
        Assert.Contains(Contractor, result.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("outside the organisation", result.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OutsidersRuleRequiresTwo_NeedsTwoApprovals()
    {
        // Arrange
        var rules = Rules with { Outsiders = new GainerRule(FindingOutcome.RequireApprovals, 2) };

        // Act
        var result = ApprovalPolicy.Evaluate(Set, ReadPreview(Outsider()), rules, Requester);

        // Assert
        Assert.Equal((ApprovalOutcome.RequireApprovals, 2), (result.Outcome, result.ApprovalsRequired));
    }

    [Fact]
    public void Evaluate_OutsidersRuleRefuses_RefusesNamingTheOutsider()
    {
        // Arrange
        var rules = Rules with { Outsiders = new GainerRule(FindingOutcome.Refuse, 0) };

        // Act
        var result = ApprovalPolicy.Evaluate(Set, ReadPreview(Outsider()), rules, Requester);

        // Assert
        Assert.Equal(ApprovalOutcome.Refuse, result.Outcome);
        Assert.Contains(Contractor, Assert.Single(result.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OutsidersRuleRefusesButOnlyInsidersGain_IsApprovedAutomatically()
    {
        // Arrange: the refusing rule applies to outsiders only; the insider already holds the access.
        var rules = Rules with { Outsiders = new GainerRule(FindingOutcome.Refuse, 0) };

        // Act
        var result = ApprovalPolicy.Evaluate(Set, ReadPreview(Insider("arn:aws:iam::111122223333:role/platform-admin", holds: true)), rules, Requester);

        // Assert
        Assert.Equal(ApprovalOutcome.AutoApprove, result.Outcome);
    }

    [Fact]
    public void Evaluate_AnotherInsiderGainsWhatItLacks_NeedsAPersonNamingIt()
    {
        // Act
        var result = ApprovalPolicy.Evaluate(Set, ReadPreview(Insider("arn:aws:iam::111122223333:user/bob")), Rules, Requester);

        // Assert
        Assert.Equal((ApprovalOutcome.RequireApprovals, 1), (result.Outcome, result.ApprovalsRequired));
        Assert.Contains("user/bob", result.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InsiderTaggedAsTheRequestersOwn_IsApprovedAutomatically()
        => Assert.Equal(ApprovalOutcome.AutoApprove,
            ApprovalPolicy.Evaluate(Set, ReadPreview(Insider("arn:aws:iam::111122223333:user/alice", owner: Requester)), Rules, Requester).Outcome);

    [Fact]
    public void Evaluate_InsiderTaggedAsSomeoneElses_NeedsAPerson()
        => Assert.Equal(ApprovalOutcome.RequireApprovals,
            ApprovalPolicy.Evaluate(Set, ReadPreview(Insider("arn:aws:iam::111122223333:user/bob", owner: "bob-sub")), Rules, Requester).Outcome);

    [Fact]
    public void Evaluate_OutsiderTaggedAsTheRequestersOwn_StillNeedsAPerson()
    {
        // Arrange: an outsider's tags are not ours to trust; the preview never reads them, and the rules do not count them either.
        var outsider = Outsider() with { Owner = Requester };

        // Act
        var result = ApprovalPolicy.Evaluate(Set, ReadPreview(outsider), Rules, Requester);

        // Assert
        Assert.Equal(ApprovalOutcome.RequireApprovals, result.Outcome);
    }

    [Fact]
    public void Evaluate_ServiceCanActAsTheRole_NeedsTheServicesRuleCount()
    {
        // Arrange
        var glue = new AccessGainer("glue.amazonaws.com", AssumerKind.Service, "111122223333", true, "glue.amazonaws.com -> role/target", false, null, []);
        var rules = Rules with { Services = new GainerRule(FindingOutcome.RequireApprovals, 3) };

        // Act
        var result = ApprovalPolicy.Evaluate(Set, ReadPreview(glue), rules, Requester);

        // Assert
        Assert.Equal((ApprovalOutcome.RequireApprovals, 3), (result.Outcome, result.ApprovalsRequired));
    }

    [Fact]
    public void Evaluate_AnyoneRuleRefuses_RefusesATrustOfAnyone()
    {
        // Arrange
        var anyone = new AccessGainer("*", AssumerKind.Anyone, null, false, "* -> role/target", false, null, []);
        var rules = Rules with { Outsiders = new GainerRule(FindingOutcome.RequireApprovals, 2), Anyone = new GainerRule(FindingOutcome.Refuse, 0) };

        // Act
        var result = ApprovalPolicy.Evaluate(Set, ReadPreview(anyone), rules, Requester);

        // Assert
        Assert.Equal(ApprovalOutcome.Refuse, result.Outcome);
    }

    [Fact]
    public void Evaluate_GainersNotComputed_IsNotApprovedAutomatically()
    {
        // Act
        var result = ApprovalPolicy.Evaluate(Set, Preview([AccessLevel.Read]) with { GainedBy = null }, Rules, Requester);

        // Assert
        Assert.Equal(ApprovalOutcome.RequireApprovals, result.Outcome);
    }
}
