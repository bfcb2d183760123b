using System.Collections.Immutable;
using Governance.Core.Accounts.Questions;
using Governance.Core.Risk;
using Governance.Core.Workflow.Approvals;
using Governance.Core.Workflow.Preview;
using Governance.Core.Workflow.Requests;
using PolicyEngine.Catalog;
using PolicyEngine.Evaluation;

namespace Governance.Core.Tests.Workflow.Requests;

public sealed class RiskIncreaseTests
{
    private static readonly PreviewAction Get = new("s3:GetObject", AccessLevel.Read, ["arn:aws:s3:::lake-x/*"], null);
    private static readonly PreviewAction Put = new("s3:PutObject", AccessLevel.Write, ["arn:aws:s3:::lake-x/*"], null);
    private static readonly RiskFinding Medium = new("PrivilegeEscalation", RiskSeverity.Medium, "can pass a role", ["iam:PassRole"]);

    [Fact]
    public void Between_SamePreview_IsNull()
        => Assert.Null(RiskIncrease.Between(Preview([Get], [Medium]), 1, Now(Preview([Get], [Medium]), 1)));

    [Fact]
    public void Between_PreviewLostAnAction_IsNull()
        => Assert.Null(RiskIncrease.Between(Preview([Get, Put], []), 1, Now(Preview([Get], []), 1)));

    [Fact]
    public void Between_NewActionOnAResource_NamesIt()
    {
        var rose = RiskIncrease.Between(Preview([Get], []), 1, Now(Preview([Get, Put], []), 1));

        Assert.Equal("it now adds s3:PutObject on arn:aws:s3:::lake-x/*", rose);
    }

    [Fact]
    public void Between_SameActionOnAWiderResource_Rose()
    {
        var wider = Get with { Resources = ["arn:aws:s3:::lake-*/*"] };

        Assert.NotNull(RiskIncrease.Between(Preview([Get], []), 1, Now(Preview([wider], []), 1)));
    }

    [Fact]
    public void Between_FindingSeverityRises_NamesTheNewSeverity()
    {
        var rose = RiskIncrease.Between(Preview([Get], [Medium]), 1, Now(Preview([Get], [Medium with { Severity = RiskSeverity.High }]), 1));

        Assert.NotNull(rose);
        Assert.Contains("High finding `PrivilegeEscalation`", rose, StringComparison.Ordinal);
    }

    [Fact]
    public void Between_FindingSeverityFalls_IsNull()
        => Assert.Null(RiskIncrease.Between(Preview([Get], [Medium with { Severity = RiskSeverity.High }]), 1, Now(Preview([Get], [Medium]), 1)));

    [Fact]
    public void Between_MoreApprovalsNeeded_SaysHowMany()
        => Assert.Equal("it now needs 2 approvals, not 1", RiskIncrease.Between(Preview([Get], []), 1, Now(Preview([Get], []), 2)));

    [Fact]
    public void Between_EffectNowAllowed_Rose()
    {
        var blocked = new PreviewEffect("s3:GetObject", "arn:aws:s3:::lake-x/a", Decision.ImplicitDeny, Decision.ExplicitDeny, "adds nothing: bucket policy", []);
        var allowed = blocked with { After = Decision.Allow, Summary = "the grant makes it allowed" };

        Assert.NotNull(RiskIncrease.Between(Preview([Get], [], [blocked]), 1, Now(Preview([Get], [], [allowed]), 1)));
    }

    [Fact]
    public void Between_RulesNowRefuse_Rose()
    {
        var refused = RequestPreview.Of(Preview([Get], []), new ApprovalRequirement(ApprovalOutcome.Refuse, 0, ["critical"]));

        Assert.Equal("the approval rules now refuse it", RiskIncrease.Between(Preview([Get], []), 1, refused));
    }

    [Fact]
    public void Between_SomeoneNewCanActAsTheRole_NamesThem()
    {
        // Arrange: since the approval, the role's trust policy came to admit the contractor.
        var contractor = new AccessGainer("arn:aws:iam::444455556666:role/contractor-support", AssumerKind.Role, "444455556666", false,
            "444455556666:role/contractor-support -> role/etl-runner", false, null, []);

        // Act
        var rose = RiskIncrease.Between(Preview([Get], []) with { GainedBy = [] }, 1, Now(Preview([Get], []) with { GainedBy = [contractor] }, 1));

        // Assert
        Assert.Equal("it now also reaches `arn:aws:iam::444455556666:role/contractor-support`", rose);
    }

    [Fact]
    public void Between_NewGainerAlreadyHoldingIt_IsNull()
    {
        var admin = new AccessGainer("arn:aws:iam::111122223333:role/platform-admin", AssumerKind.Role, "111122223333", true,
            "role/platform-admin -> role/data-engineer", true, null, []);

        Assert.Null(RiskIncrease.Between(Preview([Get], []) with { GainedBy = [] }, 1, Now(Preview([Get], []) with { GainedBy = [admin] }, 1)));
    }

    private static AccessPreview Preview(ImmutableArray<PreviewAction> actions, ImmutableArray<RiskFinding> findings,
        ImmutableArray<PreviewEffect>? effective = null) => new(AccessPreview.Delta, actions, findings, effective);

    private static RequestPreview Now(AccessPreview preview, int approvals)
        => RequestPreview.Of(preview, new ApprovalRequirement(ApprovalOutcome.RequireApprovals, approvals, []));
}
