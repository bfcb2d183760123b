using PolicyEngine.Evaluation;
using static PolicyEngine.Tests.Evaluation.TestPolicies;

namespace PolicyEngine.Tests.Evaluation;

/// <summary>Resource-based policies, cross-account requests, trust and key policies.</summary>
public sealed partial class CompiledPolicySetTests
{
    [Fact]
    public void Decide_SameAccountResourcePolicyNamesUser_AllowsAlone()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
        var set = new PolicySet { ResourcePolicy = Policy("bucket", AllowPrincipal(Alice, "s3:GetObject")) };

        Assert.Equal(Decision.Allow, Decide(set, Request(Alice, "s3:GetObject")));
    }

    [Fact]
    public void Decide_SameAccountResourcePolicyNamesAccount_DelegatesToIdentity()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
        var bucket = Policy("bucket", AllowPrincipal("arn:aws:iam::111122223333:root", "s3:GetObject"));

        Assert.Equal(Decision.ImplicitDeny, Decide(new PolicySet { ResourcePolicy = bucket }, Request(Alice, "s3:GetObject")));
        Assert.Equal(Decision.Allow, Decide(new PolicySet { ResourcePolicy = bucket, IdentityPolicies = [Policy("p", Allow("s3:GetObject"))] },
            Request(Alice, "s3:GetObject")));
    }

    [Fact]
    public void Decide_CrossAccount_NeedsBothSides()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
        var identity = Policy("p", Allow("s3:GetObject"));
        var bucket = Policy("bucket", AllowPrincipal(OtherAccount, "s3:GetObject"));
        var request = Request(Bob, "s3:GetObject", ObjectArn, Account);

        Assert.Equal(Decision.Allow, Decide(new PolicySet { IdentityPolicies = [identity], ResourcePolicy = bucket }, request));
        Assert.Equal(Decision.ImplicitDeny, Decide(new PolicySet { IdentityPolicies = [identity] }, request));
        Assert.Equal(Decision.ImplicitDeny, Decide(new PolicySet { ResourcePolicy = bucket }, request));
    }

    [Fact]
    public void Decide_CrossAccountBoundaryLacksAction_ReturnsImplicitDeny()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:GetObject"))],
            PermissionsBoundary = Policy("b", Allow("ec2:*")),
            ResourcePolicy = Policy("bucket", AllowPrincipal(Bob, "s3:GetObject")),
        };

        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Bob, "s3:GetObject", ObjectArn, Account)));
    }

    [Fact]
    public void Decide_TrustPolicyTrustsOtherAccountOnly_IdentityAllowIsNotEnough()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html: the trust policy must allow.
        const string target = "arn:aws:iam::111122223333:role/etl-runner";
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("assume", Allow("sts:AssumeRole", target))],
            ResourcePolicy = Policy("trust", AllowPrincipal(OtherAccount, "sts:AssumeRole", resource: null)),
        };

        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Alice, "sts:AssumeRole", target)));
        Assert.Equal(Decision.Allow, Decide(set, Request(Bob, "sts:AssumeRole", target, Account)));
    }

    [Fact]
    public void Decide_KeyPolicyDoesNotAllow_IdentityAllowIsNotEnough()
    {
        // https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html: no principal has access unless the key policy allows it.
        const string key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("kms:Decrypt"))],
            ResourcePolicy = Policy("key", AllowPrincipal("arn:aws:iam::111122223333:role/admin", "kms:*")),
        };

        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Role, "kms:Decrypt", key)));
        var delegated = set with { ResourcePolicy = Policy("key", AllowPrincipal("arn:aws:iam::111122223333:root", "kms:*")) };
        Assert.Equal(Decision.Allow, Decide(delegated, Request(Role, "kms:Decrypt", key)));
    }

    [Fact]
    public void Decide_NotPrincipalDeny_ExemptsOnlyWithAccountListed()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html: list the account ARN too.
        static PolicySet With(string notPrincipals) => new()
        {
            IdentityPolicies = [Policy("p", Allow("s3:*"))],
            ResourcePolicy = Policy("bucket", $$"""{"Effect":"Deny","NotPrincipal":{"AWS":[{{notPrincipals}}]},"Action":"s3:*","Resource":"*"}"""),
        };

        Assert.Equal(Decision.Allow, Decide(With($"\"{Alice}\",\"arn:aws:iam::111122223333:root\""), Request(Alice, "s3:GetObject")));
        Assert.Equal(Decision.ExplicitDeny, Decide(With($"\"{Alice}\""), Request(Alice, "s3:GetObject")));
    }

    [Fact]
    public void Decide_NotPrincipalDenyOnSessions_ExemptsOnlyWithAccountRoleAndSessionListed()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html: AWS checks the
        // account, then the role, then the assumed-role user (named by its session); each must be listed.
        static PolicySet With(params string[] notPrincipals) => new()
        {
            IdentityPolicies = [Policy("p", Allow("s3:*"))],
            ResourcePolicy = Policy("bucket", $$"""{"Effect":"Deny","NotPrincipal":{"AWS":[{{string.Join(",", notPrincipals.Select(static p => $"\"{p}\""))}}]},"Action":"s3:*","Resource":"*"}"""),
        };
        const string root = "arn:aws:iam::111122223333:root";

        Assert.Equal(Decision.Allow, Decide(With(Session, Role, root), Request(Session, "s3:GetObject")));
        Assert.Equal(Decision.ExplicitDeny, Decide(With(Role, root), Request(Session, "s3:GetObject")));
        Assert.Equal(Decision.ExplicitDeny, Decide(With(Session, root), Request(Session, "s3:GetObject")));
        Assert.Equal(Decision.ExplicitDeny, Decide(With(Session, Role, root), Request(Role, "s3:GetObject")));
    }

    [Fact]
    public void Evaluate_NotPrincipalDenyOnSession_NamesTheDenyingStatement()
    {
        // Arrange
        var set = PolicyCompiler.Compile(new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:*"))],
            ResourcePolicy = Policy("bucket", $$"""{"Sid":"OnlyAudit","Effect":"Deny","NotPrincipal":{"AWS":["{{Role}}","111122223333"]},"Action":"s3:*","Resource":"*"}"""),
        });

        // Act
        var result = set.Evaluate(Request(Session, "s3:GetObject"));

        // Assert
        Assert.Equal(Decision.ExplicitDeny, result.Decision);
        Assert.Equal("OnlyAudit", Assert.Single(result.DecidingStatements).Sid);
    }

    [Fact]
    public void Decide_NotPrincipalDenyAndBoundary_AlwaysDenies()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html: a principal with a boundary is always denied.
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:*"))],
            PermissionsBoundary = Policy("b", Allow("*")),
            ResourcePolicy = Policy("bucket", $$"""{"Effect":"Deny","NotPrincipal":{"AWS":["{{Alice}}","111122223333"]},"Action":"s3:*","Resource":"*"}"""),
        };

        Assert.Equal(Decision.ExplicitDeny, Decide(set, Request(Alice, "s3:GetObject")));
    }
}
