using System.Collections.Immutable;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;
using static Governance.Core.Tests.Accounts.Questions.TestOrganization;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// Hand-derived cases, each from the AWS documentation cited in its comment, on organisations built by <see cref="TestOrganization"/>.
/// IAM: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html (same account) and
/// reference_policies_evaluation-logic-cross-account.html (cross-account).
/// </summary>
public sealed partial class OrganizationAuthorizerTests
{
    private const string ReadLake = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/*"}]}""";
    private const string Admin = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
    private const string LakeObject = "arn:aws:s3:::lake/data.csv";

    private static string GrantReader(string account) => $$"""
        {"Version":"2012-10-17","Statement":[{"Sid":"GrantReader","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{account}}:role/reader"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/*"}]}
        """;

    [Fact]
    public void Authorize_SameAccountIdentityAllowsBucketWithoutPolicy_Allows()
    {
        // Arrange: same account, an identity policy allows and nothing denies: allowed (evaluation-logic, "within a single account").
        var org = new TestOrganization().Role(Producer, "reader", ReadLake).Bucket(Producer, "lake", null).Build();

        // Act
        var answer = Ask(org, RoleArn(Producer, "reader"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.Allow, answer.Result.Decision);
    }

    [Fact]
    public void Authorize_CrossAccountOnlyIdentityAllows_ImplicitDenyNamingTheBucketPolicy()
    {
        // Arrange: the bucket is the producer's; the consumer's role allows itself, the bucket policy grants no one.
        // Cross-account, the resource-based policy must allow too (evaluation-logic-cross-account): implicit deny.
        var org = new TestOrganization().Role(Consumer, "reader", ReadLake)
            .Bucket(Producer, "lake", GrantReader(Outside)).Build();

        // Act
        var answer = Ask(org, RoleArn(Consumer, "reader"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.ImplicitDeny, answer.Result.Decision);
        Assert.Equal(DecisionReason.CrossAccountResourcePolicyDoesNotAllow, answer.Result.Explanation.Reason);
        Assert.Equal($"cross-account: the bucket policy of `lake` does not grant {Consumer}", answer.Summary);
    }

    [Fact]
    public void Authorize_CrossAccountOnlyBucketPolicyAllows_ImplicitDeny()
    {
        // Arrange: the bucket policy grants the consumer's role, whose own policies grant nothing: the trusted account
        // must also allow through IAM (evaluation-logic-cross-account): implicit deny.
        var org = new TestOrganization().Role(Consumer, "reader", null).Bucket(Producer, "lake", GrantReader(Consumer)).Build();

        // Act
        var answer = Ask(org, RoleArn(Consumer, "reader"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.ImplicitDeny, answer.Result.Decision);
        Assert.Equal(DecisionReason.CrossAccountIdentityDoesNotAllow, answer.Result.Explanation.Reason);
    }

    [Fact]
    public void Authorize_CrossAccountBothSidesAllow_Allows()
    {
        // Arrange: both the identity policy and the bucket policy allow (evaluation-logic-cross-account): allowed.
        var org = new TestOrganization().Role(Consumer, "reader", ReadLake).Bucket(Producer, "lake", GrantReader(Consumer)).Build();

        // Act
        var answer = Ask(org, RoleArn(Consumer, "reader"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.Allow, answer.Result.Decision);
        Assert.Empty(answer.Notes);
    }

    [Fact]
    public void Authorize_BucketPolicyAllowsPrincipalOrgId_MemberAllowedOutsiderNot()
    {
        // Arrange: aws:PrincipalOrgID is the organisation id of the caller's account, absent for callers outside any
        // organisation (reference_policies_condition-keys.html#condition-keys-principalorgid). The member's role matches
        // the bucket policy; the outside account's role does not, so its cross-account request has no resource-side allow.
        var orgWide = $$$$"""{"Version":"2012-10-17","Statement":[{"Sid":"OrgRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"{{{{OrganizationId}}}}"}}}]}""";
        var org = new TestOrganization().Role(Consumer, "reader", ReadLake).Role(Outside, "reader", ReadLake).Bucket(Producer, "lake", orgWide).Build();

        // Act
        var member = Ask(org, RoleArn(Consumer, "reader"), "s3:GetObject", LakeObject);
        var outsider = Ask(org, RoleArn(Outside, "reader"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.Allow, member.Result.Decision);
        Assert.Equal(Decision.ImplicitDeny, outsider.Result.Decision);
    }

    [Fact]
    public void Authorize_BucketPolicyDeniesInsecureTransport_ExplicitDenyNamingBucketAndSid()
    {
        // Arrange: an explicit Deny in any policy overrides every allow (evaluation-logic, "explicit deny"); the request
        // says aws:SecureTransport false.
        var deny = """{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::lake/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";
        var org = new TestOrganization().Role(Producer, "reader", ReadLake).Bucket(Producer, "lake", deny).Build();

        // Act
        var answer = Ask(org, RoleArn(Producer, "reader"), "s3:GetObject", LakeObject, ("aws:SecureTransport", "false"));

        // Assert
        Assert.Equal(Decision.ExplicitDeny, answer.Result.Decision);
        Assert.StartsWith("the bucket policy of `lake` denies (Sid `DenyInsecureTransport`", answer.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_ScpAllowListWithoutTheService_ImplicitDenyNamingTheOu()
    {
        // Arrange: an allow-list SCP replaces FullAWSAccess on OU Data and names s3 only; every level from the root to
        // the account must allow (orgs_manage_policies_scps_evaluation.html), so ec2 is denied even to an administrator.
        var allowList = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
        var org = new TestOrganization().Role(Consumer, "admin", Admin).WithoutFullAccessOnData().Scp("DataAllowList", allowList, onDataOu: true).Build();

        // Act
        var ec2 = Ask(org, RoleArn(Consumer, "admin"), "ec2:DescribeInstances", "*");
        var s3 = Ask(org, RoleArn(Consumer, "admin"), "s3:ListAllMyBuckets", "*");

        // Assert
        Assert.Equal(Decision.ImplicitDeny, ec2.Result.Decision);
        Assert.Equal("no SCP attached to OU `Data` allows `ec2:DescribeInstances`", ec2.Summary);
        Assert.Equal(Decision.Allow, s3.Result.Decision);
    }

    [Fact]
    public void Authorize_ScpDenyAtRoot_DeniesMemberButNotManagementAccount()
    {
        // Arrange: SCPs do not affect users or roles in the management account
        // (orgs_manage_policies_scps.html, "Testing effects of SCPs" / "Tasks and entities not restricted by SCPs").
        var denyEc2 = """{"Version":"2012-10-17","Statement":[{"Sid":"NoEc2","Effect":"Deny","Action":"ec2:*","Resource":"*"}]}""";
        var org = new TestOrganization().Role(Management, "admin", Admin).Role(Consumer, "admin", Admin).Scp("DenyEc2", denyEc2, onDataOu: false).Build();

        // Act
        var management = Ask(org, RoleArn(Management, "admin"), "ec2:DescribeInstances", "*");
        var member = Ask(org, RoleArn(Consumer, "admin"), "ec2:DescribeInstances", "*");

        // Assert
        Assert.Equal(Decision.Allow, management.Result.Decision);
        Assert.Equal(Decision.ExplicitDeny, member.Result.Decision);
        Assert.StartsWith("SCP `DenyEc2` attached to root `Root` denies (Sid `NoEc2`", member.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_RcpDeniesOutsidePrincipalsBucketPolicyAllows_ExplicitDeny()
    {
        // Arrange: an RCP on the resource's organisation applies to requests from any principal, outside ones too, and
        // its Deny overrides the bucket policy's grant (orgs_manage_policies_rcps.html). Without the RCP the outside
        // role's request is allowed: both its own policy and the bucket policy allow (evaluation-logic-cross-account).
        var rcp = $$$$"""{"Version":"2012-10-17","Statement":[{"Sid":"OrgOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"{{{{OrganizationId}}}}"}}}]}""";
        var open = new TestOrganization().Role(Outside, "reader", ReadLake).Bucket(Producer, "lake", GrantReader(Outside));
        var withoutRcp = open.Build();
        var withRcp = open.Rcp("DenyOutsidePrincipals", rcp).Build();

        // Act
        var before = Ask(withoutRcp, RoleArn(Outside, "reader"), "s3:GetObject", LakeObject);
        var after = Ask(withRcp, RoleArn(Outside, "reader"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Equal(Decision.Allow, before.Result.Decision);
        Assert.Equal(Decision.ExplicitDeny, after.Result.Decision);
        Assert.StartsWith("RCP `DenyOutsidePrincipals` attached to root `Root` denies (Sid `OrgOnly`", after.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_KmsKeyPolicyWithAndWithoutRootDelegation_OnlyDelegationLetsIamAllow()
    {
        // Arrange: "unless the key policy explicitly allows it, you cannot use IAM policies to allow access to a KMS key";
        // the statement naming the account (…:root) is what enables IAM policies (kms/latest/developerguide/key-policies.html,
        // key-policy-default.html#key-policy-default-allow-root-enable-iam).
        var decrypt = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}""";
        var delegating = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"EnableIam","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Producer}}:root"},"Action":"kms:*","Resource":"*"}]}""";
        var closed = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"AdminOnly","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Producer}}:role/key-admin"},"Action":"kms:*","Resource":"*"}]}""";
        var org = new TestOrganization().Role(Producer, "reader", decrypt).Key(Producer, "k-open", delegating).Key(Producer, "k-closed", closed).Build();

        // Act
        var open = Ask(org, RoleArn(Producer, "reader"), "kms:Decrypt", $"arn:aws:kms:eu-west-1:{Producer}:key/k-open");
        var shut = Ask(org, RoleArn(Producer, "reader"), "kms:Decrypt", $"arn:aws:kms:eu-west-1:{Producer}:key/k-closed");

        // Assert
        Assert.Equal(Decision.Allow, open.Result.Decision);
        Assert.Equal(Decision.ImplicitDeny, shut.Result.Decision);
        Assert.StartsWith("the key policy of `k-closed` does not allow", shut.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_TrustPolicyRequiresExternalId_AllowedOnlyWithIt()
    {
        // Arrange: the producer's role trusts the outside account on condition of sts:ExternalId (id_roles_common-scenarios_third-party.html);
        // the outside role's own policy allows sts:AssumeRole, and the trust policy must allow too.
        var trust = $$$$"""{"Version":"2012-10-17","Statement":[{"Sid":"Vendor","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{{{Outside}}}}:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"ext-4711"}}}]}""";
        var assume = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""";
        var org = new TestOrganization().Role(Producer, "vendor-access", null, trust).Role(Outside, "vendor", assume).Build();
        var target = RoleArn(Producer, "vendor-access");

        // Act
        var with = Ask(org, RoleArn(Outside, "vendor"), "sts:AssumeRole", target, ("sts:ExternalId", "ext-4711"));
        var without = Ask(org, RoleArn(Outside, "vendor"), "sts:AssumeRole", target);

        // Assert
        Assert.Equal(Decision.Allow, with.Result.Decision);
        Assert.NotEqual(Decision.Allow, without.Result.Decision);
    }

    [Fact]
    public void Authorize_PolicyDoesNotParse_NoteSaysTheAnswerDependsOnIt()
    {
        // Arrange
        var org = new TestOrganization().Role(Producer, "reader", ReadLake).Bucket(Producer, "lake", "{not json").Build();

        // Act
        var answer = Ask(org, RoleArn(Producer, "reader"), "s3:GetObject", LakeObject);

        // Assert
        Assert.Contains(answer.Notes, n => n.StartsWith("bucket policy of `lake` did not parse", StringComparison.Ordinal));
    }

    private static OrganizationAnswer Ask(OrganizationAuthorizer org, string principal, string action, string resource, params (string Key, string Value)[] context)
    {
        var caller = org.Find(principal).Principal ?? throw new InvalidOperationException(principal);
        var keys = RequestContext.Create(context.Select(static c => KeyValuePair.Create(c.Key, ImmutableArray.Create(c.Value))));
        return org.Authorize(caller, new AccessQuestion(action, resource, keys));
    }
}
