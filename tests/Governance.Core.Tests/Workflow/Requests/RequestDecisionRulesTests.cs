using Governance.Core.Identity;
using Governance.Core.Results;
using Governance.Core.Workflow.Requests;

namespace Governance.Core.Tests.Workflow.Requests;

public sealed class RequestDecisionRulesTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WhyNotDecide_DeciderIsTheRequester_RefusesAsSelfDecision()
    {
        // Arrange
        var request = RequestBy("alice");

        // Act
        var refused = RequestDecisionRules.WhyNotDecide(request, "alice");

        // Assert
        Assert.NotNull(refused);
        Assert.Equal(GovernanceErrorKind.Forbidden, refused.Kind);
        Assert.Equal("self-decision", refused.Code);
        Assert.Contains("own request", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyNotDecide_AnotherDecider_Allows()
        => Assert.Null(RequestDecisionRules.WhyNotDecide(RequestBy("alice"), "bob"));

    [Fact]
    public void WhyNotApprove_TheRequester_RefusesAsWhyNotDecideDoes()
    {
        // Arrange
        var request = RequestBy("alice");

        // Act
        var approve = RequestDecisionRules.WhyNotApprove(request, "alice");

        // Assert
        Assert.Equal(RequestDecisionRules.WhyNotDecide(request, "alice"), approve);
    }

    [Fact]
    public void WhyNotApprove_SameApproverTwice_RefusesAsAlreadyApproved()
    {
        // Arrange: two approvals needed, bob has given one
        var request = RequestBy("alice", approvals: 2);
        request.AddApproval("bob", "ok", T, "v1");

        // Act
        var again = RequestDecisionRules.WhyNotApprove(request, "bob");
        var other = RequestDecisionRules.WhyNotApprove(request, "carol");

        // Assert
        Assert.Equal((GovernanceErrorKind.Conflict, "already-approved"), (again?.Kind, again?.Code));
        Assert.Null(other);
    }

    [Theory]
    [InlineData("alice", new string[0], true)]
    [InlineData("dave", new[] { Roles.Admin }, true)]
    [InlineData("bob", new[] { Roles.Approver }, false)]
    [InlineData("erin", new[] { Roles.Engineer }, false)]
    public void WhyNotCancel_RequesterOrAdmin_AllowsOthersRefused(string actorId, string[] roles, bool allowed)
    {
        // Arrange
        var request = RequestBy("alice");
        var actor = new Actor(actorId, roles.ToHashSet(StringComparer.Ordinal));

        // Act
        var refused = RequestDecisionRules.WhyNotCancel(request, actor);

        // Assert
        Assert.Equal(allowed, refused is null);
        if (refused is not null)
        {
            Assert.Equal((GovernanceErrorKind.Forbidden, "not-requester"), (refused.Kind, refused.Code));
        }
    }

    private static AccessRequest RequestBy(string requester, int approvals = 1)
        => new(Guid.CreateVersion7(T), requester, "lake-write", ["arn:aws:s3:::lake-x/*"], "data-engineer",
            "arn:aws:iam::111122223333:role/data-engineer", "backfill", 8, approvals, "{}", "{}", "v1", T);
}
