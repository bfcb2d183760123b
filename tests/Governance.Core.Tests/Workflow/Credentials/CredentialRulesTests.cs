using Governance.Core.Results;
using Governance.Core.Workflow.Credentials;
using Governance.Core.Workflow.Grants;

namespace Governance.Core.Tests.Workflow.Credentials;

public sealed class CredentialRulesTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Grant AlicesGrant = new(Guid.CreateVersion7(T), Guid.CreateVersion7(T), "alice", "lake-write", "data-engineer",
        "arn:aws:iam::111122223333:role/data-engineer", "{}", GrantWindow.StartingAt(T, TimeSpan.FromHours(8)));

    [Fact]
    public void WhyNotIssue_TheRequester_Allows()
        => Assert.Null(CredentialRules.WhyNotIssue(AlicesGrant, "alice"));

    [Fact]
    public void WhyNotIssue_AnyoneElse_RefusesAsNotGrantRequester()
    {
        // Act
        var refused = CredentialRules.WhyNotIssue(AlicesGrant, "bob");

        // Assert
        Assert.Equal((GovernanceErrorKind.Forbidden, ProblemCodes.NotGrantRequester), (refused?.Kind, refused?.Code));
    }
}
