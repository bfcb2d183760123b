using PolicyEngine.Evaluation;
using PolicyEngine.Explain;
using static PolicyEngine.Tests.Evaluation.TestPolicies;

namespace PolicyEngine.Tests.Evaluation;

/// <summary>
/// VPC endpoint policies: a cap on every request made through the endpoint, never a grant.
/// https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
/// </summary>
public sealed partial class CompiledPolicySetTests
{
    private const string EndpointBucketOnly =
        """{"Sid":"Access-to-specific-bucket-only","Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::lake-raw","arn:aws:s3:::lake-raw/*"]}""";

    private static string EndpointPrincipal(string principal, string action = "s3:*")
        => $$"""{"Effect":"Allow","Principal":{"AWS":"{{principal}}"},"Action":"{{action}}","Resource":"*"}""";

    [Fact]
    public void Decide_EndpointPolicyAllowsIdentityAllows_ReturnsAllow()
    {
        var set = new PolicySet { IdentityPolicies = [Policy("p", Allow("s3:*"))], VpcEndpointPolicy = Policy("vpce", EndpointBucketOnly) };

        Assert.Equal(Decision.Allow, Decide(set, Request(Role, "s3:GetObject")));
    }

    [Fact]
    public void Decide_EndpointPolicyLacksAction_ReturnsImplicitDenyWithItsReason()
    {
        // Arrange: the identity policy allows every S3 action; the endpoint only GetObject and PutObject.
        var set = new PolicySet { IdentityPolicies = [Policy("p", Allow("s3:*"))], VpcEndpointPolicy = Policy("vpce", EndpointBucketOnly) };

        // Act
        var decision = Decide(set, Request(Role, "s3:DeleteObject"));
        var result = PolicyCompiler.Compile(set).Evaluate(Request(Role, "s3:DeleteObject"));

        // Assert
        Assert.Equal(Decision.ImplicitDeny, decision);
        Assert.Equal(DecisionReason.VpcEndpointPolicyDoesNotAllow, result.Explanation.Reason);
        Assert.Empty(result.DecidingStatements);
    }

    [Fact]
    public void Decide_EndpointPolicyAlone_GrantsNothing()
    {
        // "All types of policies ... must grant the necessary permissions" (vpc-endpoints-s3.html).
        var set = new PolicySet { VpcEndpointPolicy = Policy("vpce", """{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}""") };

        var result = PolicyCompiler.Compile(set).Evaluate(Request(Role, "s3:GetObject"));

        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Role, "s3:GetObject")));
        Assert.Equal(DecisionReason.NoAllow, result.Explanation.Reason);
    }

    [Fact]
    public void Decide_EndpointPolicyDenies_OverridesIdentityAllow()
    {
        // The Elastic Beanstalk guide's endpoint policy: allow everything, deny TerminateEnvironment.
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("elasticbeanstalk:*"))],
            VpcEndpointPolicy = Policy("vpce",
                """{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}""",
                """{"Sid":"NoTerminate","Effect":"Deny","Principal":"*","Action":"elasticbeanstalk:TerminateEnvironment","Resource":"*"}"""),
        };
        var request = Request(Role, "elasticbeanstalk:TerminateEnvironment", "arn:aws:elasticbeanstalk:us-east-1:111122223333:environment/app/env");

        var result = PolicyCompiler.Compile(set).Evaluate(request);

        Assert.Equal(Decision.ExplicitDeny, Decide(set, request));
        var deciding = Assert.Single(result.DecidingStatements);
        Assert.Equal((PolicyType.VpcEndpoint, "vpce", "NoTerminate"), (deciding.PolicyType, deciding.PolicyName, deciding.Sid));
    }

    [Fact]
    public void Decide_SameAccountResourcePolicyNamesUser_StillCappedByEndpoint()
    {
        // A bucket policy naming the user grants alone within one account, yet the endpoint policy must still allow.
        var set = new PolicySet
        {
            ResourcePolicy = Policy("bucket", AllowPrincipal(Alice, "s3:*")),
            VpcEndpointPolicy = Policy("vpce", EndpointBucketOnly),
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(Alice, "s3:GetObject", resourceAccount: Account)));
        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Alice, "s3:DeleteObject", resourceAccount: Account)));
    }

    [Fact]
    public void Decide_CrossAccountBothSidesAllow_EndpointPolicyStillDecides()
    {
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:*"))],
            ResourcePolicy = Policy("bucket", AllowPrincipal("arn:aws:iam::111122223333:root", "s3:*")),
            VpcEndpointPolicy = Policy("vpce", EndpointBucketOnly),
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(Role, "s3:GetObject", resourceAccount: OtherAccount)));
        var result = PolicyCompiler.Compile(set).Evaluate(Request(Role, "s3:DeleteObject", resourceAccount: OtherAccount));
        Assert.Equal((Decision.ImplicitDeny, DecisionReason.VpcEndpointPolicyDoesNotAllow), (result.Decision, result.Explanation.Reason));
    }

    [Fact]
    public void Decide_EndpointPolicyNamesAccount_GrantsItsRootOnly()
    {
        // "If you specify a principal in the format "AWS": "account_id", access is granted to the AWS account root user
        // only, not all users and roles for the account" (vpc-endpoints-access.html#vpc-endpoint-policies-gateway).
        var set = new PolicySet { IdentityPolicies = [Policy("p", Allow("s3:*"))], VpcEndpointPolicy = Policy("vpce", EndpointPrincipal(Account)) };

        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Alice, "s3:GetObject")));
        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Session, "s3:GetObject")));
        Assert.Equal(Decision.Allow, Decide(set, Request("arn:aws:iam::111122223333:root", "s3:GetObject")));
    }

    [Fact]
    public void Decide_EndpointPolicyNamesRoleArn_AllowsItsSessions()
    {
        var set = new PolicySet { IdentityPolicies = [Policy("p", Allow("s3:*"))], VpcEndpointPolicy = Policy("vpce", EndpointPrincipal(Role)) };

        Assert.Equal(Decision.Allow, Decide(set, Request(Session, "s3:GetObject")));
        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Alice, "s3:GetObject")));
    }

    [Fact]
    public void Decide_EndpointStatementWithoutPrincipal_AppliesToNobody()
    {
        // An endpoint policy "must contain a Principal element": a statement without one allows no one.
        var set = new PolicySet { IdentityPolicies = [Policy("p", Allow("s3:*"))], VpcEndpointPolicy = Policy("vpce", Allow("s3:*")) };

        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Role, "s3:GetObject")));
    }

    [Fact]
    public void Decide_EndpointConditionOnPrincipalOrg_DecidesByContext()
    {
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:*"))],
            VpcEndpointPolicy = Policy("vpce",
                """{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}"""),
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(Role, "s3:GetObject", ObjectArn, null, ("aws:PrincipalOrgID", "o-a1b2c3d4e5"))));
        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Role, "s3:GetObject", ObjectArn, null, ("aws:PrincipalOrgID", "o-zz9y8x7w6v"))));
    }

    [Fact]
    public void Decide_ScpDeniesAndEndpointDoesNotAllow_ScpLevelIsTheReason()
    {
        // Both are caps; the SCP level, checked first, is the one reported, as before endpoint policies were modelled.
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("*"))],
            ServiceControlPolicies = Levels([Policy("root", Allow("ec2:*"))]),
            VpcEndpointPolicy = Policy("vpce", EndpointBucketOnly),
        };

        var result = PolicyCompiler.Compile(set).Evaluate(Request(Role, "s3:GetObject"));

        Assert.Equal(DecisionReason.ServiceControlPolicyDoesNotAllow, result.Explanation.Reason);
    }

    [Fact]
    public void Evaluate_EndpointPolicy_ExplainsItsStatementsWithTheirPolicyType()
    {
        // Arrange
        var set = PolicyCompiler.Compile(new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:*"))],
            VpcEndpointPolicy = Policy("vpce",
                EndpointBucketOnly,
                """{"Sid":"OrgOnly","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}"""),
        });

        // Act
        var result = set.Evaluate(Request(Role, "s3:GetObject", "arn:aws:s3:::other-bucket/x"));

        // Assert
        var endpoint = result.Explanation.Statements.Where(static o => o.Statement.PolicyType == PolicyType.VpcEndpoint).ToArray();
        Assert.Equal([StatementStatus.ResourceNotMatched, StatementStatus.ConditionNotMet], endpoint.Select(static o => o.Status).ToArray());
        Assert.Equal(["aws:PrincipalOrgID"], result.Explanation.MissingContextKeys.ToArray());
        Assert.StartsWith("ImplicitDeny: the VPC endpoint policy does not allow the request", ExplanationFormatter.Format(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AllowedThroughEndpoint_DecidingStatementsAreTheGrants()
    {
        // The endpoint policy allows but grants nothing: the deciding statements are the identity policy's.
        var set = PolicyCompiler.Compile(new PolicySet { IdentityPolicies = [Policy("p", Allow("s3:*"))], VpcEndpointPolicy = Policy("vpce", EndpointBucketOnly) });

        var result = set.Evaluate(Request(Role, "s3:GetObject"));

        Assert.Equal(DecisionReason.AllowedByIdentity, result.Explanation.Reason);
        Assert.Equal([PolicyType.Identity], result.DecidingStatements.Select(static s => s.PolicyType).ToArray());
    }

    [Fact]
    public void Decide_NoEndpointPolicy_UnchangedByTheLayer()
    {
        var without = new PolicySet { IdentityPolicies = [Policy("p", Allow("s3:GetObject"))] };
        var withDefault = without with { VpcEndpointPolicy = Policy("vpce", """{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}""") };

        foreach (var action in new[] { "s3:GetObject", "s3:PutObject" })
        {
            Assert.Equal(Decide(without, Request(Role, action)), Decide(withDefault, Request(Role, action)));
        }
    }
}
