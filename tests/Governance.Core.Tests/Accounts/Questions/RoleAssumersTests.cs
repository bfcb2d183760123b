using Governance.Core.Accounts;
using Governance.Core.Accounts.Questions;
using static Governance.Core.Tests.Accounts.Questions.TestOrganization;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// Who can act as a role. A role is assumed when its trust policy and, across accounts, the caller's own policies allow
/// sts:AssumeRole, and no SCP of the caller's account denies it (IAM User Guide, id_roles_terms-and-concepts.html,
/// reference_policies_evaluation-logic-cross-account.html; Organizations, orgs_manage_policies_scps_evaluation.html);
/// within one account a trust policy naming the principal suffices, and one naming the account needs the principal's
/// own policies as well. Role chaining: a role session can assume another role (id_roles_terms-and-concepts.html, "Role chaining").
/// </summary>
public sealed class RoleAssumersTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private const string AssumeAny = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""";

    private static string Trust(string principal, string condition = "") => $$"""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"sts:AssumeRole"{{condition}}}]}
        """;

    private static string TrustArn(string arn, string condition = "") => Trust($$"""{"AWS":"{{arn}}"}""", condition);

    private static System.Collections.Immutable.ImmutableArray<RoleAssumer> Assumers(OrganizationAuthorizer org, string roleArn)
        => RoleAssumers.Find(org, org.Find(roleArn).Principal!, Now);

    [Fact]
    public void Find_TrustNamesAUserWhosePoliciesAllow_ListsTheUserInside()
    {
        // Arrange
        var org = new TestOrganization()
            .Role(Consumer, "target", null, TrustArn(UserArn(Consumer, "alice")))
            .User(Consumer, "alice", AssumeAny)
            .User(Consumer, "bob", AssumeAny)
            .Build();

        // Act
        var assumers = Assumers(org, RoleArn(Consumer, "target"));

        // Assert: bob's policies allow, but the trust names only alice.
        var alice = Assert.Single(assumers);
        Assert.Equal((UserArn(Consumer, "alice"), AssumerKind.User, Consumer, true), (alice.Arn, alice.Kind, alice.AccountId, alice.InsideOrganization));
        Assert.Equal([UserArn(Consumer, "alice"), RoleArn(Consumer, "target")], alice.Chain.AsEnumerable());
        Assert.NotNull(alice.Principal);
    }

    [Fact]
    public void Find_ChainOfTwoRoles_ListsEachWithItsShortestChain()
    {
        // Arrange: alice -> a -> b -> target.
        var org = new TestOrganization()
            .Role(Consumer, "target", null, TrustArn(RoleArn(Consumer, "b")))
            .Role(Consumer, "b", AssumeAny, TrustArn(RoleArn(Consumer, "a")))
            .Role(Consumer, "a", AssumeAny, TrustArn(UserArn(Consumer, "alice")))
            .User(Consumer, "alice", AssumeAny)
            .Build();

        // Act
        var assumers = Assumers(org, RoleArn(Consumer, "target"));

        // Assert
        Assert.Equal([RoleArn(Consumer, "a"), RoleArn(Consumer, "b"), UserArn(Consumer, "alice")], assumers.Select(static a => a.Arn));
        var alice = assumers.Single(static a => a.Kind == AssumerKind.User);
        Assert.Equal([UserArn(Consumer, "alice"), RoleArn(Consumer, "a"), RoleArn(Consumer, "b"), RoleArn(Consumer, "target")], alice.Chain.AsEnumerable());
    }

    [Fact]
    public void Find_ChainLongerThanTheDepth_StopsAtTheDepth()
    {
        // Arrange: alice -> a -> target is two hops.
        var org = new TestOrganization()
            .Role(Consumer, "target", null, TrustArn(RoleArn(Consumer, "a")))
            .Role(Consumer, "a", AssumeAny, TrustArn(UserArn(Consumer, "alice")))
            .User(Consumer, "alice", AssumeAny)
            .Build();

        // Act
        var assumers = RoleAssumers.Find(org, org.Find(RoleArn(Consumer, "target")).Principal!, Now, maxDepth: 1);

        // Assert
        Assert.Equal([RoleArn(Consumer, "a")], assumers.Select(static a => a.Arn));
    }

    [Fact]
    public void Find_RolesThatAssumeEachOther_EndsAndListsEachOnce()
    {
        // Arrange: a and b trust each other and the target trusts a.
        var org = new TestOrganization()
            .Role(Consumer, "target", null, TrustArn(RoleArn(Consumer, "a")))
            .Role(Consumer, "a", AssumeAny, TrustArn(RoleArn(Consumer, "b")))
            .Role(Consumer, "b", AssumeAny, TrustArn(RoleArn(Consumer, "a")))
            .Build();

        // Act
        var assumers = Assumers(org, RoleArn(Consumer, "target"));

        // Assert
        Assert.Equal([RoleArn(Consumer, "a"), RoleArn(Consumer, "b")], assumers.Select(static a => a.Arn));
        Assert.Equal([RoleArn(Consumer, "b"), RoleArn(Consumer, "a"), RoleArn(Consumer, "target")], assumers[1].Chain.AsEnumerable());
    }

    [Fact]
    public void Find_TrustNamesAnOutsideAccountWhoseIamIsNotHeld_ListsTheAccountFirstAsOutsider()
    {
        // Arrange: 444444444444 is neither a member nor in the copy: anyone there its own IAM lets.
        var org = new TestOrganization()
            .Role(Consumer, "target", null, Trust("""{"AWS":["arn:aws:iam::444444444444:root","arn:aws:iam::111111111111:user/alice"]}"""))
            .User(Consumer, "alice", null)
            .Build();

        // Act
        var assumers = Assumers(org, RoleArn(Consumer, "target"));

        // Assert: the outsider first; alice is named by ARN in her own account, which suffices.
        Assert.Equal(["arn:aws:iam::444444444444:root", UserArn(Consumer, "alice")], assumers.Select(static a => a.Arn));
        Assert.Equal((AssumerKind.Account, "444444444444", false, (ResolvedPrincipal?)null),
            (assumers[0].Kind, assumers[0].AccountId, assumers[0].InsideOrganization, assumers[0].Principal));
    }

    [Fact]
    public void Find_OutsideRoleWhosePoliciesAreHeld_ListsItThroughTheAccountsTrust()
    {
        // Arrange: the trust names the outside account as a whole; its vendor role allows sts:AssumeRole, its idle role does not.
        var org = new TestOrganization()
            .Role(Consumer, "target", null, TrustArn($"arn:aws:iam::{Outside}:root"))
            .Role(Outside, "vendor", AssumeAny)
            .Role(Outside, "idle", null)
            .Build();

        // Act
        var assumers = Assumers(org, RoleArn(Consumer, "target"));

        // Assert
        var vendor = Assert.Single(assumers);
        Assert.Equal((RoleArn(Outside, "vendor"), AssumerKind.Role, false), (vendor.Arn, vendor.Kind, vendor.InsideOrganization));
    }

    [Fact]
    public void Find_TrustAdmitsAServiceOnItsOwnAccount_ListsTheService()
    {
        // Arrange
        var org = new TestOrganization()
            .Role(Consumer, "target", null, Trust("""{"Service":"glue.amazonaws.com"}""", $$$""","Condition":{"StringEquals":{"aws:SourceAccount":"{{{Consumer}}}"}}"""))
            .Build();

        // Act
        var assumers = Assumers(org, RoleArn(Consumer, "target"));

        // Assert
        var glue = Assert.Single(assumers);
        Assert.Equal(("glue.amazonaws.com", AssumerKind.Service, Consumer, true), (glue.Arn, glue.Kind, glue.AccountId, glue.InsideOrganization));
    }

    [Fact]
    public void Find_TrustAdmitsAnyone_ListsAnyoneAsOutsiderAndEveryPrincipalWhosePoliciesAllow()
    {
        // Arrange
        var org = new TestOrganization()
            .Role(Consumer, "target", null, Trust("\"*\""))
            .User(Producer, "carol", AssumeAny)
            .User(Producer, "dave", null)
            .Build();

        // Act
        var assumers = Assumers(org, RoleArn(Consumer, "target"));

        // Assert: dave's own policies do not allow across accounts.
        Assert.Equal(["*", UserArn(Producer, "carol")], assumers.Select(static a => a.Arn));
        Assert.Equal((AssumerKind.Anyone, false), (assumers[0].Kind, assumers[0].InsideOrganization));
    }

    [Fact]
    public void Find_TrustLimitedToTheOrganization_DoesNotListTheOutsideCaller()
    {
        // Arrange: aws:PrincipalOrgID says who the caller is; the outside vendor has no value for it to match.
        var org = new TestOrganization()
            .Role(Consumer, "target", null, TrustArn($"arn:aws:iam::{Outside}:root", $$$""","Condition":{"StringEquals":{"aws:PrincipalOrgID":"{{{OrganizationId}}}"}}"""))
            .Role(Outside, "vendor", AssumeAny)
            .Build();

        // Act
        var assumers = Assumers(org, RoleArn(Consumer, "target"));

        // Assert
        Assert.Empty(assumers);
    }

    [Fact]
    public void Find_TrustNeedsAnExternalId_ListsTheVendorNamingTheKey()
    {
        // Arrange: the external id is the value the role's owner gives the third party (id_roles_create_for-user_externalid.html):
        // the vendor can supply it, so it can act as the role.
        var org = new TestOrganization()
            .Role(Consumer, "target", null, TrustArn($"arn:aws:iam::{Outside}:root", ""","Condition":{"StringEquals":{"sts:ExternalId":"ext-4711"}}"""))
            .Role(Outside, "vendor", AssumeAny)
            .Build();

        // Act
        var assumers = Assumers(org, RoleArn(Consumer, "target"));

        // Assert
        var vendor = Assert.Single(assumers);
        Assert.Equal(RoleArn(Outside, "vendor"), vendor.Arn);
        Assert.Equal(["sts:ExternalId"], vendor.ConditionKeys.AsEnumerable());
    }

    [Fact]
    public void Find_ScpDeniesAssumeRoleToTheCaller_DoesNotListIt()
    {
        // Arrange: the producer account is under OU Data, whose SCP denies sts:AssumeRole; the consumer is too, but the
        // trust names only the producer's user.
        var org = new TestOrganization()
            .Role(Consumer, "target", null, TrustArn(UserArn(Producer, "carol")))
            .User(Producer, "carol", AssumeAny)
            .Scp("deny-assume", """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}]}""", onDataOu: true)
            .Build();

        // Act
        var assumers = Assumers(org, RoleArn(Consumer, "target"));

        // Assert
        Assert.Empty(assumers);
    }

    [Fact]
    public void Find_WithoutTheScp_ListsTheSameCaller()
    {
        // Arrange: the control for the test above.
        var org = new TestOrganization()
            .Role(Consumer, "target", null, TrustArn(UserArn(Producer, "carol")))
            .User(Producer, "carol", AssumeAny)
            .Build();

        // Act
        var assumers = Assumers(org, RoleArn(Consumer, "target"));

        // Assert
        Assert.Equal([UserArn(Producer, "carol")], assumers.Select(static a => a.Arn));
    }

    [Fact]
    public void Find_DemoEtlRunner_ListsTheContractorFirstAndTheStepFunctionsService()
    {
        // Arrange: etl-runner's trust admits states.amazonaws.com for its own account and the contractor's account
        // (ContractorDebugging), whose contractor-support may assume it (policies/demo-org/README.md).
        var org = DemoOrganization.Org;

        // Act
        var assumers = Assumers(org, $"arn:aws:iam::{DemoOrganization.Consumer}:role/etl-runner");

        // Assert
        Assert.Equal([$"arn:aws:iam::{DemoOrganization.Contractor}:role/contractor-support", "states.amazonaws.com"], assumers.Select(static a => a.Arn));
        Assert.False(assumers[0].InsideOrganization);
        Assert.True(assumers[1].InsideOrganization);
    }
}
