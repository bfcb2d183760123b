using PolicyEngine.Matching;
using PolicyEngine.Parsing;

namespace PolicyEngine.Tests.Matching;

// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
// "AWS might validate the account first and then the user. If an assumed-role user (someone who is using a role) is being
// evaluated, AWS might validate the account first, then the role, and then the assumed-role user. The assumed-role user is
// identified by the role session name that is specified when they assumed the role."
public sealed class PrincipalMatcherTests
{
    private const string AccountRoot = "arn:aws:iam::444455556666:root";
    private const string Role = "arn:aws:iam::444455556666:role/cross-account-read-only-role";
    private const string Session = "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app";
    private const string OtherSession = "arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/other-app";
    private const string Bob = "arn:aws:iam::444455556666:user/Bob";

    private static bool Exempt(string caller, bool hasBoundary, params string[] notPrincipals)
    {
        var list = string.Join(",", notPrincipals.Select(static p => $"\"{p}\""));
        var parsed = PolicyParser.Parse($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":[{{list}}]},"Action":"s3:*","Resource":"*"}]}""");
        var spec = parsed.Value!.Statements[0].Principal!;
        return PrincipalMatcher.Create(spec, hasBoundary).Match(CallerIdentity.Parse(caller)) == PrincipalMatch.None;
    }

    [Fact]
    public void Match_SessionWithAccountRoleAndSessionListed_IsExempt()
    {
        // Arrange / Act / Assert: the page's role example lists all three.
        Assert.True(Exempt(Session, false, Session, Role, AccountRoot));
        Assert.True(Exempt(Session, false, Session, Role, "444455556666"), "the account may be given by its id");
    }

    [Theory]
    [InlineData(Role, AccountRoot)]
    [InlineData(Session, AccountRoot)]
    [InlineData(Session, Role)]
    [InlineData(AccountRoot, AccountRoot)]
    public void Match_SessionWithOneOfItsIdentitiesMissing_IsDenied(string first, string second)
    {
        // Arrange / Act / Assert: "If the NotPrincipal element was missing the ARN of the role, the effect of the policy
        // might be to explicitly deny access to the role"; a session needs its own ARN ("Principals must always name a specific session").
        Assert.False(Exempt(Session, false, first, second));
    }

    [Fact]
    public void Match_OtherSessionOfTheListedRole_IsDenied()
    {
        // Arrange / Act / Assert
        Assert.False(Exempt(OtherSession, false, Session, Role, AccountRoot));
    }

    [Fact]
    public void Match_RoleArnCaller_IsAnUnnamedSessionAndDenied()
    {
        // Arrange / Act / Assert: no listed session ARN names a session whose name is not given.
        Assert.False(Exempt(Role, false, Session, Role, AccountRoot));
        Assert.False(Exempt(Role, false, Role, AccountRoot));
    }

    [Fact]
    public void Match_UserWithAccountAndUserListed_IsExemptAndOtherwiseDenied()
    {
        // Arrange / Act / Assert: the page's user example.
        Assert.True(Exempt(Bob, false, Bob, AccountRoot));
        Assert.False(Exempt(Bob, false, Bob));
        Assert.False(Exempt(Bob, false, AccountRoot));
    }

    [Fact]
    public void Match_PrincipalWithBoundary_IsNeverExempt()
    {
        // Arrange / Act / Assert: "will always deny any IAM principal that has a permissions boundary policy attached".
        Assert.False(Exempt(Session, true, Session, Role, AccountRoot));
        Assert.False(Exempt(Bob, true, Bob, AccountRoot));
    }

    [Fact]
    public void Match_AccountRootCallerWithAccountListed_IsExempt()
    {
        // Arrange / Act / Assert
        Assert.True(Exempt(AccountRoot, false, AccountRoot));
    }
}
