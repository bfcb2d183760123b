using System.Collections.Immutable;
using Governance.Core.Policies.Approvals;
using Governance.Core.Policies.PermissionSets;
using Governance.Core.Risk;
using Governance.Core.Workflow.Approvals;
using Governance.Core.Workflow.Preview;
using PolicyEngine.Catalog;

namespace Governance.Core.Tests.Workflow.Approvals;

public sealed partial class ApprovalPolicyTests
{
    private const string Requester = "alice-sub";

    private static readonly PermissionSet Set = new("lake-read", "d", [new PermissionSetStatement(null, ["s3:GetObject"], ["{{objects}}"])],
        [new ResourcePattern("arn:aws:s3:::lake-*")], 8, 1, ["engineer"]);

    private static readonly ApprovalRules Rules = new(
        ["lake-read"], [AccessLevel.List, AccessLevel.Read],
        ImmutableDictionary<AccessLevel, int>.Empty.Add(AccessLevel.PermissionsManagement, 2),
        [new FindingRule(RiskSeverity.High, FindingOutcome.RequireApprovals, 2), new FindingRule(RiskSeverity.Critical, FindingOutcome.Refuse, 0)]);

    private static AccessPreview Preview(AccessLevel[] levels, params RiskSeverity[] findings) => new(
        AccessPreview.ActionsOnly,
        [.. levels.Select((l, i) => new PreviewAction($"svc:Action{i}", l, ["arn:aws:s3:::lake-x/*"]))],
        [.. findings.Select((s, i) => new RiskFinding($"finding-{i}", s, "m", []))],
        GainedBy: []);

    [Fact]
    public void Evaluate_OnlyListAndReadOnAllowedSet_AutoApproves()
        => Assert.Equal(ApprovalOutcome.AutoApprove, ApprovalPolicy.Evaluate(Set, Preview([AccessLevel.List, AccessLevel.Read]), Rules, Requester).Outcome);

    [Fact]
    public void Evaluate_ReadAddedOutsideAllowedPatterns_NeedsTheSetsApprovals()
    {
        var preview = new AccessPreview(AccessPreview.Delta, [new PreviewAction("s3:GetObject", AccessLevel.Read, ["arn:aws:s3:::finance/*"])], [], GainedBy: []);
        var result = ApprovalPolicy.Evaluate(Set, preview, Rules, Requester);
        Assert.Equal((ApprovalOutcome.RequireApprovals, 1), (result.Outcome, result.ApprovalsRequired));
    }

    [Fact]
    public void Evaluate_WriteAction_NeedsTheSetsApprovals()
    {
        var result = ApprovalPolicy.Evaluate(Set, Preview([AccessLevel.Read, AccessLevel.Write]), Rules, Requester);
        Assert.Equal((ApprovalOutcome.RequireApprovals, 1), (result.Outcome, result.ApprovalsRequired));
    }

    [Fact]
    public void Evaluate_SetNotListedForAutoApproval_NeedsApprovalEvenForReads()
    {
        var result = ApprovalPolicy.Evaluate(Set with { Name = "other" }, Preview([AccessLevel.Read]), Rules, Requester);
        Assert.Equal(ApprovalOutcome.RequireApprovals, result.Outcome);
    }

    [Fact]
    public void Evaluate_PermissionsManagementAction_NeedsTwoApprovers()
    {
        var result = ApprovalPolicy.Evaluate(Set with { Name = "other" }, Preview([AccessLevel.PermissionsManagement]), Rules, Requester);
        Assert.Equal((ApprovalOutcome.RequireApprovals, 2), (result.Outcome, result.ApprovalsRequired));
    }

    [Fact]
    public void Evaluate_HighFindingOnReadOnlyPreview_NeedsTwoApproversInsteadOfAutoApproval()
    {
        var result = ApprovalPolicy.Evaluate(Set, Preview([AccessLevel.Read], RiskSeverity.High), Rules, Requester);
        Assert.Equal((ApprovalOutcome.RequireApprovals, 2), (result.Outcome, result.ApprovalsRequired));
    }

    [Fact]
    public void Evaluate_CriticalFinding_Refuses()
    {
        var result = ApprovalPolicy.Evaluate(Set, Preview([AccessLevel.Read], RiskSeverity.Low, RiskSeverity.Critical), Rules, Requester);
        Assert.Equal(ApprovalOutcome.Refuse, result.Outcome);
        Assert.Contains("Critical", result.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_HighFindingWhereRulesRefuseHigh_Refuses()
    {
        var strict = Rules with { FindingRules = [new FindingRule(RiskSeverity.High, FindingOutcome.Refuse, 0)] };
        Assert.Equal(ApprovalOutcome.Refuse, ApprovalPolicy.Evaluate(Set, Preview([AccessLevel.Read], RiskSeverity.High), strict, Requester).Outcome);
    }
}
