using Governance.Core.Workflow.Preview;
using PolicyEngine.Evaluation;

namespace Governance.Core.Tests.Workflow.Preview;

public sealed class NothingAddedTests
{
    private const string Boundary = "the permissions boundary `B` denies (Sid `NoIam`, line 4)";

    [Fact]
    public void Reason_NoEffects_IsNullBecauseNothingWasDecided()
        => Assert.Null(NothingAdded.Reason([]));

    [Fact]
    public void Reason_OneEffectAdds_IsNull()
        => Assert.Null(NothingAdded.Reason([Denied("iam:PutRolePolicy"), Effect("iam:GetRole", Decision.ImplicitDeny, Decision.Allow, null)]));

    [Fact]
    public void Reason_AnEffectHangsOnAnUnknownKey_IsNull()
        => Assert.Null(NothingAdded.Reason([Denied("iam:PutRolePolicy") with { Undecided = true }]));

    [Fact]
    public void Reason_EveryEffectDeniedByTheBoundary_NamesTheBoundaryOnceWithItsActions()
    {
        var reason = NothingAdded.Reason([Denied("iam:PutRolePolicy"), Denied("iam:AttachRolePolicy")]);

        Assert.Equal($"{Boundary}: `iam:PutRolePolicy`, `iam:AttachRolePolicy` on `arn:aws:iam::111122223333:role/r`", reason);
    }

    [Fact]
    public void Reason_EverythingAlreadyAllowed_SaysTheRoleHasItAndWhere()
    {
        var reason = NothingAdded.Reason([Effect("s3:GetObject", Decision.Allow, Decision.Allow, "the identity policy `p` allows (Sid `S`, line 3)")]);

        Assert.Equal("the role already has this access: the identity policy `p` allows (Sid `S`, line 3): `s3:GetObject` on `arn:aws:iam::111122223333:role/r`", reason);
    }

    [Fact]
    public void Reason_SomeAllowedSomeDenied_NamesOnlyWhatDenies()
    {
        var reason = NothingAdded.Reason([Effect("iam:GetRole", Decision.Allow, Decision.Allow, "the identity policy `p` allows"), Denied("iam:PutRolePolicy")]);

        Assert.Equal($"{Boundary}: `iam:PutRolePolicy` on `arn:aws:iam::111122223333:role/r`", reason);
    }

    [Fact]
    public void Reason_ManyActions_ListsFourAndCountsTheRest()
    {
        var reason = NothingAdded.Reason([.. Enumerable.Range(0, 6).Select(i => Denied($"iam:A{i}"))]);

        Assert.Contains("`iam:A3` and 2 more on", reason, StringComparison.Ordinal);
    }

    private static PreviewEffect Denied(string action) => Effect(action, Decision.ImplicitDeny, Decision.ExplicitDeny, Boundary);

    private static PreviewEffect Effect(string action, Decision before, Decision after, string? decidedBy)
        => new(action, "arn:aws:iam::111122223333:role/r", before, after, "summary", [], DecidedBy: decidedBy);
}
