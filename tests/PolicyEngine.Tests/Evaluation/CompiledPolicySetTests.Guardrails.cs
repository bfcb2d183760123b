using PolicyEngine.Evaluation;
using static PolicyEngine.Tests.Evaluation.TestPolicies;

namespace PolicyEngine.Tests.Evaluation;

/// <summary>Permissions boundaries, session policies, SCPs and RCPs: caps that never grant.</summary>
public sealed partial class CompiledPolicySetTests
{
    [Fact]
    public void Decide_BoundaryLacksAction_ReturnsImplicitDeny()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html: effective permissions are the intersection.
        var set = new PolicySet { IdentityPolicies = [Policy("p", Allow("s3:*"))], PermissionsBoundary = Policy("b", Allow("ec2:*")) };

        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Role, "s3:GetObject")));
    }

    [Fact]
    public void Decide_ResourcePolicyNamesSession_NotLimitedByBoundary()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html: same-account grants to the session ARN are not capped.
        var set = new PolicySet { PermissionsBoundary = Policy("b", Allow("ec2:*")), ResourcePolicy = Policy("bucket", AllowPrincipal(Session, "s3:GetObject")) };

        Assert.Equal(Decision.Allow, Decide(set, Request(Session, "s3:GetObject", resourceAccount: Account)));
    }

    [Fact]
    public void Decide_ResourcePolicyNamesRole_LimitedByBoundary()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html: grants to the role ARN are capped by the boundary.
        var set = new PolicySet { PermissionsBoundary = Policy("b", Allow("ec2:*")), ResourcePolicy = Policy("bucket", AllowPrincipal(Role, "s3:GetObject")) };

        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Session, "s3:GetObject", resourceAccount: Account)));
    }

    [Fact]
    public void Decide_SessionPolicyAlone_GrantsNothing()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
        var set = new PolicySet { SessionPolicy = Policy("s", Allow("s3:*")) };

        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Session, "s3:GetObject")));
    }

    [Fact]
    public void Decide_SessionPolicyLacksAction_CapsRoleArnGrant()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
        var set = new PolicySet { SessionPolicy = Policy("s", Allow("ec2:*")), ResourcePolicy = Policy("bucket", AllowPrincipal(Role, "s3:GetObject")) };

        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Session, "s3:GetObject")));
    }

    [Fact]
    public void Decide_ScpLevelWithoutAllow_ReturnsImplicitDeny()
    {
        // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html: every level must allow.
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("*"))],
            ServiceControlPolicies = Levels([Policy("root", Allow("*"))], [Policy("ou-s3", Allow("s3:*")), Policy("ou-ec2", Allow("ec2:*"))], [Policy("acct", Allow("s3:*"))]),
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(Role, "s3:GetObject")));
        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Role, "ec2:RunInstances", "*")));
        var explained = PolicyCompiler.Compile(set).Evaluate(Request(Role, "ec2:RunInstances", "*"));
        Assert.Equal(DecisionReason.ServiceControlPolicyDoesNotAllow, explained.Explanation.Reason);
        Assert.Equal(2, explained.Explanation.Level);
    }

    [Fact]
    public void Decide_ServiceLinkedRole_NotRestrictedByScpsOrRcps()
    {
        // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html: SCPs do not affect service-linked roles.
        const string linked = "arn:aws:iam::111122223333:role/aws-service-role/elasticmapreduce.amazonaws.com/AWSServiceRoleForEMRCleanup";
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:*"))],
            ServiceControlPolicies = Levels([Policy("deny-all", Deny("*"))]),
            ResourceControlPolicies = Levels([Policy("rcp", """{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}""")]),
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(linked, "s3:GetObject")));
        Assert.Equal(Decision.ExplicitDeny, Decide(set, Request(Role, "s3:GetObject")));
    }

    [Fact]
    public void Decide_RcpDenyOnUnsupportedService_DoesNotApply()
    {
        // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html: RCPs apply to a listed set of services.
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("*"))],
            ResourceControlPolicies = Levels([Policy("rcp", """{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}""")]),
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(Role, "ec2:RunInstances", "*")));
        Assert.Equal(Decision.ExplicitDeny, Decide(set, Request(Role, "s3:GetObject")));
    }

    [Theory]
    [InlineData("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:111122223333:table/events")]
    [InlineData("logs:GetLogEvents", "arn:aws:logs:us-east-1:111122223333:log-group:etl")]
    [InlineData("ecr:BatchGetImage", "arn:aws:ecr:us-east-1:111122223333:repository/etl")]
    [InlineData("cognito-idp:AdminGetUser", "arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_abc")]
    public void Decide_RcpDenyOnServiceAddedAfterLaunch_Applies(string action, string resource)
    {
        // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services:
        // AWS has added services to the five RCPs launched with (S3, STS, KMS, SQS, Secrets Manager).
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("*"))],
            ResourceControlPolicies = Levels([Policy("rcp", """{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}""")]),
        };

        Assert.Equal(Decision.ExplicitDeny, Decide(set, Request(Role, action, resource)));
    }

    [Fact]
    public void Decide_RcpLevelsOnlyDeny_ImplicitFullAccessAllows()
    {
        // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html: RCPFullAWSAccess at every level.
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:*"))],
            ResourceControlPolicies = Levels([Policy("kms", """{"Effect":"Deny","Principal":"*","Action":"kms:*","Resource":"*"}""")], []),
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(Role, "s3:GetObject")));
    }
}
