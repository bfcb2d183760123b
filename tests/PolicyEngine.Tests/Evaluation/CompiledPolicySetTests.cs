using PolicyEngine.Evaluation;
using static PolicyEngine.Tests.Evaluation.TestPolicies;

namespace PolicyEngine.Tests.Evaluation;

/// <summary>Identity policies and the basic rules. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html</summary>
public sealed partial class CompiledPolicySetTests
{
    [Fact]
    public void Decide_NoPolicies_ReturnsImplicitDeny()
    {
        // Arrange
        var set = new PolicySet();

        // Act
        var decision = Decide(set, Request(Role, "s3:GetObject"));

        // Assert
        Assert.Equal(Decision.ImplicitDeny, decision);
    }

    [Fact]
    public void Decide_IdentityAllows_ReturnsAllow()
    {
        var set = new PolicySet { IdentityPolicies = [Policy("p", Allow("s3:Get*", "arn:aws:s3:::lake-raw/*"))] };

        var decision = Decide(set, Request(Role, "S3:getobject"));

        Assert.Equal(Decision.Allow, decision);
    }

    [Fact]
    public void Decide_DenyInAnotherPolicy_ReturnsExplicitDeny()
    {
        var set = new PolicySet { IdentityPolicies = [Policy("allow", Allow("s3:*")), Policy("deny", Deny("s3:GetObject"))] };

        var decision = Decide(set, Request(Role, "s3:GetObject"));

        Assert.Equal(Decision.ExplicitDeny, decision);
    }

    [Fact]
    public void Decide_ResourceIsCaseSensitive_ReturnsImplicitDeny()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
        var set = new PolicySet { IdentityPolicies = [Policy("p", Allow("iam:GetUser", "arn:aws:iam::111122223333:user/Bob"))] };

        var decision = Decide(set, Request(Role, "iam:GetUser", "arn:aws:iam::111122223333:user/bob"));

        Assert.Equal(Decision.ImplicitDeny, decision);
    }

    [Fact]
    public void Decide_NotActionAllow_CoversOtherServicesOnly()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
        var set = new PolicySet { IdentityPolicies = [Policy("p", """{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}""")] };

        Assert.Equal(Decision.Allow, Decide(set, Request(Role, "s3:GetObject")));
        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Role, "iam:CreateUser", "*")));
    }

    [Fact]
    public void Decide_GetCallerIdentityDenied_ReturnsAllow()
    {
        // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html: no permission needed, a deny does not apply.
        var set = new PolicySet { IdentityPolicies = [Policy("deny", Deny("*"))] };

        var decision = Decide(set, Request(Role, "sts:GetCallerIdentity", "*"));

        Assert.Equal(Decision.Allow, decision);
    }

    [Fact]
    public void Decide_LargeIndexedPolicy_MatchesLiteralWildcardAndUnknownNames()
    {
        // The action index resolves literal names at compile time; the answers must equal a plain scan.
        var actions = Enumerable.Range(0, 300).Select(static i => $"\"ec2:Describe{i}\"").Append("\"ec2:Get*\"").Append("\"s3:List*\"");
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("big", $$"""{"Effect":"Allow","Action":[{{string.Join(",", actions)}}],"Resource":"*"}""")],
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(Role, "ec2:describe42", "*")));
        Assert.Equal(Decision.Allow, Decide(set, Request(Role, "ec2:GetConsoleOutput", "*")));
        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Role, "ec2:Describe300", "*")));
        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Role, "kms:Decrypt", "*")));
    }

    [Fact]
    public void Decide_AfterWarmUp_AllocatesNothing()
    {
        // Arrange
        var set = PolicyCompiler.Compile(new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:*", "arn:aws:s3:::lake-raw/*", ""","Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}"""))],
            PermissionsBoundary = Policy("b", Allow("*")),
            ServiceControlPolicies = Levels([Policy("full", Allow("*"))], [Policy("region", Deny("*", "*", ""","Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}"""))]),
        });
        var request = Request(Role, "s3:GetObject", ObjectArn, null, ("aws:PrincipalTag/team", "data"), ("aws:RequestedRegion", "eu-west-1"));

        // Act
        var allocated = AllocatedByDecisions(set, request);

        // Assert
        Assert.True(allocated == 0, $"the fast path allocated {allocated} bytes over 1000 decisions");
    }

    [Fact]
    public void Decide_DocumentedRulesOnMissingValues_AllocateNothing()
    {
        // Arrange: a variable with no value under a negated operator and in NotResource, ForAnyValue...IfExists on an absent
        // key, and a NotPrincipal Deny on a session: the rules of issue 19 stay on the allocation-free fast path.
        var set = PolicyCompiler.Compile(new PolicySet
        {
            // The resource policy's NotPrincipal Deny matches the session (its session ARN is not listed) and comes last, so
            // every identity statement is evaluated before it.
            IdentityPolicies = [Policy("p", Allow("s3:*"),
                Deny("s3:GetObject", "*", ""","Condition":{"ForAnyValue:StringEqualsIfExists":{"aws:TagKeys":"secret"}}"""),
                """{"Effect":"Deny","Action":"s3:GetObject","NotResource":"arn:aws:s3:::lake-raw/${aws:PrincipalTag/team}/*","Condition":{"StringEquals":{"aws:ResourceTag/team":"none"}}}""",
                Deny("s3:GetObject", "*", ""","Condition":{"StringNotEquals":{"aws:ResourceTag/team":"${aws:PrincipalTag/team}"},"ArnNotLike":{"aws:SourceArn":"arn:aws:sns:*:*:${aws:PrincipalTag/topic}"},"StringEquals":{"aws:ResourceTag/team":"none"}}"""))],
            ResourcePolicy = Policy("bucket", $$"""{"Effect":"Deny","NotPrincipal":{"AWS":["{{Role}}","{{Account}}"]},"Action":"s3:GetObject","Resource":"*"}"""),
        });
        var request = Request(Session, "s3:GetObject", ObjectArn, null, ("aws:ResourceTag/team", "data"), ("aws:SourceArn", "arn:aws:sns:eu-west-1:111122223333:t"));
        Assert.Equal(Decision.ExplicitDeny, set.Decide(request));

        // Act
        var allocated = AllocatedByDecisions(set, request);

        // Assert
        Assert.True(allocated == 0, $"the fast path allocated {allocated} bytes over 1000 decisions");
    }

    [Fact]
    public void Decide_ConcurrentCallers_AgreeWithSequential()
    {
        var set = PolicyCompiler.Compile(new PolicySet { IdentityPolicies = [Policy("p", Allow("s3:Get*")), Policy("d", Deny("s3:GetObjectAcl"))] });
        string[] actions = ["s3:GetObject", "s3:GetObjectAcl", "s3:PutObject"];
        var expected = actions.Select(a => set.Decide(Request(Role, a))).ToArray();

        var results = Enumerable.Range(0, 3000).AsParallel().Select(i => set.Decide(Request(Role, actions[i % 3])) == expected[i % 3]).ToArray();

        Assert.All(results, Assert.True);
    }
}
