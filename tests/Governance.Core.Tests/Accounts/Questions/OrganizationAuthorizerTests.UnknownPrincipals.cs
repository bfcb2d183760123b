using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;
using static Governance.Core.Tests.Accounts.Questions.TestOrganization;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// A caller of an account the snapshot does not hold (<c>444444444444</c>): its own policies are unknown, so they are
/// assumed to allow and the answer is what the rest of the picture decides, said as such. Across accounts the resource
/// side must allow on its own (reference_policies_evaluation-logic-cross-account.html), so a resource-side deny is a
/// definite no and a resource-side allow a yes on the stated assumption, as IAM Access Analyzer reports external access
/// (access-analyzer-findings.html).
/// </summary>
public sealed partial class OrganizationAuthorizerTests
{
    private const string Unknown = "444444444444";

    [Fact]
    public void FindCaller_RoleOfAnAccountNotHeld_ResolvesWithItsPoliciesUnknown()
    {
        // Arrange
        var org = new TestOrganization().Bucket(Producer, "lake", null).Build();

        // Act
        var lookup = org.FindCaller(RoleArn(Unknown, "vendor"));

        // Assert
        Assert.True(lookup.Success);
        Assert.False(org.KnowsPoliciesOf(lookup.Principal!));
        Assert.Equal(Unknown, lookup.Principal!.AccountId);
    }

    [Fact]
    public void FindCaller_MissingRoleOfAHeldAccount_StaysAnError()
    {
        // Arrange: the producer's IAM is held, so a role it does not list is a typo, not an unknown principal.
        var org = new TestOrganization().Role(Producer, "reader", ReadLake).Build();

        // Act
        var lookup = org.FindCaller(RoleArn(Producer, "raeder"));

        // Assert
        Assert.False(lookup.Success);
    }

    [Fact]
    public void Authorize_UnknownRoleNamedByBucketPolicy_AllowsOnTheResourceSideAndSaysTheCallersIsAssumed()
    {
        // Arrange: the bucket policy grants the unknown role s3:GetObject; nothing on the resource side denies.
        var org = new TestOrganization().Bucket(Producer, "lake", GrantReader(Unknown)).Build();

        // Act
        var answer = AskCaller(org, RoleArn(Unknown, "reader"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.Allow, answer.Result.Decision);
        Assert.False(answer.CallerPoliciesKnown);
        Assert.Equal("its own account's policies are unknown (assumed to allow); the resource side allows: the bucket policy of `lake` grants it (Sid `GrantReader`, line 1)", answer.Summary);
        Assert.Contains(answer.Notes, n => n.StartsWith($"the policies of account {Unknown} are not in the snapshot", StringComparison.Ordinal));
    }

    [Fact]
    public void Authorize_UnknownRoleNotNamedByBucketPolicy_DeniesOnTheResourceSide()
    {
        // Arrange: the bucket policy grants another account's role; the unknown one gets no resource-side allow.
        var org = new TestOrganization().Bucket(Producer, "lake", GrantReader(Consumer)).Build();

        // Act
        var answer = AskCaller(org, RoleArn(Unknown, "reader"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.ImplicitDeny, answer.Result.Decision);
        Assert.Equal($"its own account's policies are unknown; the resource side denies: cross-account: the bucket policy of `lake` does not grant {Unknown}", answer.Summary);
    }

    [Fact]
    public void Authorize_UnknownAccountGrantedByBucketPolicyButRcpDeniesOutsiders_ExplicitDenyOnTheResourceSide()
    {
        // Arrange: the bucket policy names the account by its id; the RCP denies principals outside the organisation,
        // which an account the organisation does not list is (no aws:PrincipalOrgID).
        var grantAccount = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"Account","Effect":"Allow","Principal":{"AWS":"{{Unknown}}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/*"}]}""";
        var rcp = $$$$"""{"Version":"2012-10-17","Statement":[{"Sid":"OrgOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"{{{{OrganizationId}}}}"}}}]}""";
        var open = new TestOrganization().Bucket(Producer, "lake", grantAccount);

        // Act
        var allowed = AskCaller(open.Build(), Unknown, "s3:GetObject", LakeObject);
        var denied = AskCaller(open.Rcp("DenyOutsidePrincipals", rcp).Build(), Unknown, "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.Allow, allowed.Result.Decision);
        Assert.Equal(Decision.ExplicitDeny, denied.Result.Decision);
        Assert.StartsWith("its own account's policies are unknown; the resource side denies: RCP `DenyOutsidePrincipals`", denied.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_UnknownRoleTrustWithExternalId_AllowedOnlyWithTheKey()
    {
        // Arrange: the trust policy admits the unknown account with an external id (id_roles_create_for-user_externalid.html).
        var org = new TestOrganization().Role(Producer, "vendor-access", null, TrustWithExternalId(Unknown)).Build();
        var target = RoleArn(Producer, "vendor-access");

        // Act
        var without = AskCaller(org, RoleArn(Unknown, "vendor"), "sts:AssumeRole", target);
        var with = AskCaller(org, RoleArn(Unknown, "vendor"), "sts:AssumeRole", target, ("sts:ExternalId", "ext-4711"));

        // Assert
        Assert.Equal(Decision.ImplicitDeny, without.Result.Decision);
        Assert.Equal($"its own account's policies are unknown; the resource side denies: cross-account: the trust policy of role `vendor-access` does not grant {Unknown}", without.Summary);
        Assert.Equal(Decision.Allow, with.Result.Decision);
        Assert.False(with.CallerPoliciesKnown);
    }

    [Fact]
    public void CheckQuestion_UnknownCallerAskedAboutItsOwnAccount_SaysNeitherSideIsKnown()
    {
        // Arrange: within one account the caller's own policies decide, and they are unknown; the producer's bucket is
        // another account's, so that question can be answered.
        var org = new TestOrganization().Bucket(Producer, "lake", null).Build();
        var caller = org.FindCaller(RoleArn(Unknown, "vendor")).Principal!;

        // Act
        var error = org.CheckQuestion(caller, new AccessQuestion("sqs:SendMessage", $"arn:aws:sqs:eu-west-1:{Unknown}:q", RequestContext.Empty));
        var crossAccount = org.CheckQuestion(caller, new AccessQuestion("s3:GetObject", LakeObject, RequestContext.Empty));

        // Assert
        Assert.NotNull(error);
        Assert.Contains("neither side of this request is known", error, StringComparison.Ordinal);
        Assert.Null(crossAccount);
    }

    private static OrganizationAnswer AskCaller(OrganizationAuthorizer org, string caller, string action, string resource, params (string Key, string Value)[] context)
    {
        var principal = org.FindCaller(caller).Principal ?? throw new InvalidOperationException(caller);
        var keys = RequestContext.Create(context.Select(static c => KeyValuePair.Create(c.Key, System.Collections.Immutable.ImmutableArray.Create(c.Value))));
        return org.Authorize(principal, new AccessQuestion(action, resource, keys));
    }
}
