using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;

namespace Governance.Core.Tests.Accounts.Questions;

public sealed class AccountAuthorizerTests
{
    private const string TeamLake = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}}]}""";

    private static readonly ResolvedPrincipal Analyst = new(PrincipalKind.Role, "analyst", "arn:aws:iam::111122223333:role/analyst", "111122223333",
        "AROAEXAMPLE", [new PrincipalPolicy("team-lake", PolicySource.Inline, TeamLake)], null, null, [new IamTag("team", "data")], false);

    private static readonly AccountAuthorizer Authorizer = new(new AccountState([]));

    [Fact]
    public void Authorize_PrincipalTagOnly_AllowsFromTheRolesOwnTag()
    {
        // Act
        var result = Authorizer.Authorize(Analyst, new AccessQuestion("s3:GetObject", "arn:aws:s3:::lake/a", RequestContext.Empty));

        // Assert
        Assert.Equal(Decision.Allow, result.Decision);
    }

    [Fact]
    public void Authorize_QuestionGivesThePrincipalTag_TheQuestionsValueWins()
    {
        // Arrange: the question describes this request, so its key overrides the one derived from the role
        var context = RequestContext.Create([KeyValuePair.Create("AWS:PrincipalTag/Team", ImmutableArray.Create("finance"))]);

        // Act
        var decision = Authorizer.Decide(Analyst, new AccessQuestion("s3:GetObject", "arn:aws:s3:::lake/a", context));

        // Assert
        Assert.Equal(Decision.ImplicitDeny, decision);
    }

    [Fact]
    public void ContextOf_GivenAndDerivedKeys_GivenKept()
    {
        // Arrange
        var given = RequestContext.Create([KeyValuePair.Create("aws:SourceIp", ImmutableArray.Create("203.0.113.7"))]);

        // Act
        var context = AccountAuthorizer.ContextOf(Analyst, given);

        // Assert
        Assert.True(context.TryGetValues("aws:SourceIp", out var ip));
        Assert.Equal(["203.0.113.7"], ip.ToArray());
        Assert.True(context.TryGetValues("aws:PrincipalTag/team", out var team));
        Assert.Equal(["data"], team.ToArray());
        Assert.True(context.TryGetValues("aws:PrincipalArn", out var arn), "the keys AWS derives from the ARN are there too");
        Assert.Equal([Analyst.Arn], arn.ToArray());
    }
}
