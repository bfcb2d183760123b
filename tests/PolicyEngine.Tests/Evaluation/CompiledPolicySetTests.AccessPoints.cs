using PolicyEngine.Evaluation;
using PolicyEngine.Explain;
using static PolicyEngine.Tests.Evaluation.TestPolicies;

namespace PolicyEngine.Tests.Evaluation;

/// <summary>
/// Requests through an S3 access point. https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html:
/// "both the access point and the underlying bucket must permit the request".
/// </summary>
public sealed partial class CompiledPolicySetTests
{
    private const string AccessPointArn = "arn:aws:s3:us-west-2:111122223333:accesspoint/lake-ap";
    private const string AccessPointObject = AccessPointArn + "/object/2024/01/events.parquet";

    /// <summary>Example 6 of the page: the bucket lets access points of <paramref name="account"/> decide.</summary>
    private static NamedPolicy Delegating(string account = Account)
        => Policy("bucket-policy", $$$"""
            {"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":["arn:aws:s3:::lake-raw","arn:aws:s3:::lake-raw/*"],
             "Condition":{"StringEquals":{"s3:DataAccessPointAccount":"{{{account}}}"} } }
            """);

    private static AccessPoint LakeAccessPoint(params string[] statements)
        => new("lake-raw") { Policy = statements.Length == 0 ? null : Policy("lake-ap-policy", statements) };

    [Fact]
    public void Decide_AccessPointPolicyAllowsAndBucketDelegates_ReturnsAllow()
    {
        // Arrange
        var set = new PolicySet
        {
            ResourcePolicy = Delegating(),
            AccessPoint = LakeAccessPoint(AllowPrincipal(Alice, "s3:GetObject", AccessPointArn + "/object/*")),
        };

        // Act
        var decision = Decide(set, Request(Alice, "s3:GetObject", AccessPointObject));

        // Assert
        Assert.Equal(Decision.Allow, decision);
    }

    [Fact]
    public void Evaluate_BucketPolicyDoesNotDelegate_SaysTheBucketPolicyDecided()
    {
        // Arrange: the bucket policy grants only another object prefix.
        var set = PolicyCompiler.Compile(new PolicySet
        {
            ResourcePolicy = Policy("bucket-policy", AllowPrincipal(Alice, "s3:GetObject", "arn:aws:s3:::lake-raw/2023/*")),
            AccessPoint = LakeAccessPoint(AllowPrincipal(Alice, "s3:GetObject", AccessPointArn + "/object/*")),
        });

        // Act
        var result = set.Evaluate(Request(Alice, "s3:GetObject", AccessPointObject));

        // Assert
        Assert.Equal(Decision.ImplicitDeny, result.Decision);
        Assert.Equal(DecisionReason.BucketPolicyDoesNotAllowAccessPoint, result.Explanation.Reason);
        Assert.Equal(Decision.ImplicitDeny, set.Decide(Request(Alice, "s3:GetObject", AccessPointObject)));
        var bucket = Assert.Single(result.Explanation.Statements, static s => s.Statement.PolicyType == PolicyType.Resource);
        Assert.True(bucket.Status == StatementStatus.ResourceNotMatched,
            "the bucket policy is matched against arn:aws:s3:::lake-raw/2024/01/events.parquet, outside its 2023/ prefix");
        Assert.Contains("bucket policy neither delegates", ExplanationFormatter.Describe(result.Explanation), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Allowed_NamesTheAccessPointAndBucketStatements()
    {
        var set = PolicyCompiler.Compile(new PolicySet
        {
            ResourcePolicy = Delegating(),
            AccessPoint = LakeAccessPoint(AllowPrincipal(Alice, "s3:GetObject", AccessPointArn + "/object/*")),
        });

        var result = set.Evaluate(Request(Alice, "s3:GetObject", AccessPointObject));

        Assert.Equal(DecisionReason.AllowedThroughAccessPoint, result.Explanation.Reason);
        Assert.Equal([PolicyType.Resource, PolicyType.AccessPoint],
            result.DecidingStatements.Select(static s => s.PolicyType).Order().ToArray());
        Assert.Contains(result.Explanation.Statements,
            static s => s.Statement.PolicyType == PolicyType.AccessPoint && s.Status == StatementStatus.Matched);
    }

    [Fact]
    public void Evaluate_NothingAllowsOnTheAccessPoint_ReturnsAccessPointPolicyDoesNotAllow()
    {
        var set = PolicyCompiler.Compile(new PolicySet
        {
            ResourcePolicy = Delegating(),
            AccessPoint = LakeAccessPoint(AllowPrincipal(Alice, "s3:GetObject", AccessPointArn + "/object/2023/*")),
        });

        var result = set.Evaluate(Request(Alice, "s3:GetObject", AccessPointObject));

        Assert.Equal(Decision.ImplicitDeny, result.Decision);
        Assert.Equal(DecisionReason.AccessPointPolicyDoesNotAllow, result.Explanation.Reason);
        Assert.Contains("access point policy", ExplanationFormatter.Describe(result.Explanation), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AccessPointPolicyDenies_NamesTheDenyingStatement()
    {
        var set = PolicyCompiler.Compile(new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:*"))],
            ResourcePolicy = Delegating(),
            AccessPoint = LakeAccessPoint("""{"Sid":"NoWrites","Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"*"}"""),
        });

        var result = set.Evaluate(Request(Role, "s3:PutObject", AccessPointObject));

        Assert.Equal(Decision.ExplicitDeny, result.Decision);
        var deny = Assert.Single(result.DecidingStatements);
        Assert.Equal((PolicyType.AccessPoint, "NoWrites"), (deny.PolicyType, deny.Sid));
    }

    [Fact]
    public void Decide_IdentityPolicyNamesAccessPoint_AllowsWithinTheAccount()
    {
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:GetObject", AccessPointArn + "/object/*"))],
            ResourcePolicy = Delegating(),
            AccessPoint = LakeAccessPoint(),
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(Role, "s3:GetObject", AccessPointObject)));
    }

    [Fact]
    public void Decide_IdentityPolicyNamesOnlyTheBucket_ReturnsImplicitDeny()
    {
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:GetObject", "arn:aws:s3:::lake-raw/*"))],
            ResourcePolicy = Delegating(),
            AccessPoint = LakeAccessPoint(),
        };

        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Role, "s3:GetObject", AccessPointObject)));
    }

    [Fact]
    public void Decide_DelegationByAccessPointArn_MatchesTheDerivedKey()
    {
        var bucket = Policy("bucket-policy", $$$"""
            {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake-raw/*",
             "Condition":{"StringEquals":{"s3:DataAccessPointArn":"{{{AccessPointArn}}}"} } }
            """);
        var set = new PolicySet
        {
            ResourcePolicy = bucket,
            AccessPoint = LakeAccessPoint(AllowPrincipal(Alice, "s3:GetObject", AccessPointArn + "/object/*")),
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(Alice, "s3:GetObject", AccessPointObject)));
        Assert.Equal(Decision.ImplicitDeny,
            Decide(set, Request(Alice, "s3:GetObject", "arn:aws:s3:us-west-2:111122223333:accesspoint/other-ap/object/2024/01/events.parquet")));
    }

    [Fact]
    public void Decide_ContextGivesNetworkOrigin_KeepsTheGivenValue()
    {
        // Derived keys are added where the context lacks them, never over a given value.
        var set = new PolicySet
        {
            ResourcePolicy = Policy("bucket-policy",
                """{"Effect":"Allow","Principal":"*","Action":"*","Resource":"arn:aws:s3:::lake-raw/*","Condition":{"StringEquals":{"s3:AccessPointNetworkOrigin":"VPC"}}}"""),
            AccessPoint = LakeAccessPoint(AllowPrincipal(Alice, "s3:GetObject", AccessPointArn + "/object/*")),
        };

        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Alice, "s3:GetObject", AccessPointObject)));
        Assert.Equal(Decision.Allow,
            Decide(set, Request(Alice, "s3:GetObject", AccessPointObject, null, ("s3:AccessPointNetworkOrigin", "VPC"))));
        Assert.Equal(Decision.Allow, Decide(set with { AccessPoint = set.AccessPoint! with { NetworkOrigin = AccessPoint.VpcOrigin } },
            Request(Alice, "s3:GetObject", AccessPointObject)));
    }

    [Fact]
    public void Decide_ListBucketOnAccessPointArn_BucketPolicySeesTheBucketArn()
    {
        var set = new PolicySet
        {
            ResourcePolicy = Policy("bucket-policy", """
                {"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"arn:aws:s3:::lake-raw",
                 "Condition":{"StringEquals":{"s3:DataAccessPointAccount":"111122223333"}}}
                """),
            AccessPoint = LakeAccessPoint(AllowPrincipal(Alice, "s3:ListBucket", AccessPointArn)),
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(Alice, "s3:ListBucket", AccessPointArn)));
    }

    [Fact]
    public void Decide_CrossAccountAccessPoint_NeedsTheBucketOwnersGrant()
    {
        // The access point is in 111122223333; the bucket belongs to 444455556666 (Example 7 of the page).
        var accessPoint = LakeAccessPoint(AllowPrincipal(Alice, "s3:GetObject", AccessPointArn + "/object/*")) with { BucketAccount = OtherAccount };
        var toAccessPointOwner = new PolicySet { ResourcePolicy = Delegating(Account), AccessPoint = accessPoint };
        var toOwnAccessPoints = new PolicySet { ResourcePolicy = Delegating(OtherAccount), AccessPoint = accessPoint };

        Assert.Equal(Decision.Allow, Decide(toAccessPointOwner, Request(Alice, "s3:GetObject", AccessPointObject)));
        Assert.Equal(Decision.ImplicitDeny, Decide(toOwnAccessPoints, Request(Alice, "s3:GetObject", AccessPointObject)));
    }

    [Fact]
    public void Evaluate_CrossAccountCallerWithoutAccessPointGrant_ReturnsAccessPointPolicyDoesNotAllow()
    {
        var set = PolicyCompiler.Compile(new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:GetObject"))],
            ResourcePolicy = Delegating(),
            AccessPoint = LakeAccessPoint(AllowPrincipal(Alice, "s3:GetObject", AccessPointArn + "/object/*")),
        });

        var result = set.Evaluate(Request(Bob, "s3:GetObject", AccessPointObject));

        Assert.Equal(DecisionReason.AccessPointPolicyDoesNotAllow, result.Explanation.Reason);
        Assert.Equal(Decision.ImplicitDeny, set.Decide(Request(Bob, "s3:GetObject", AccessPointObject)));
    }

    [Fact]
    public void Decide_RequestNamesTheBucket_AccessPointPolicyDoesNotGovern()
    {
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:GetObject", "arn:aws:s3:::lake-raw/*"))],
            AccessPoint = LakeAccessPoint("""{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}"""),
        };
        var compiled = PolicyCompiler.Compile(set);

        var result = compiled.Evaluate(Request(Role, "s3:GetObject"));

        Assert.Equal(Decision.Allow, Decide(set, Request(Role, "s3:GetObject")));
        Assert.Equal(DecisionReason.AllowedByIdentity, result.Explanation.Reason);
        Assert.Contains(result.Explanation.Statements,
            static s => s.Statement.PolicyType == PolicyType.AccessPoint && s.Status == StatementStatus.NotApplicable);
    }

    [Fact]
    public void Decide_AccessPointInSetTwice_ReusesTheRouteAndStaysCorrect()
    {
        // The request keeps its route per access point; a second set with another access point must not reuse it.
        var request = Request(Alice, "s3:GetObject", AccessPointObject);
        var allowing = PolicyCompiler.Compile(new PolicySet
        {
            ResourcePolicy = Delegating(),
            AccessPoint = LakeAccessPoint(AllowPrincipal(Alice, "s3:GetObject", AccessPointArn + "/object/*")),
        });
        var otherBucket = PolicyCompiler.Compile(new PolicySet
        {
            ResourcePolicy = Delegating(),
            AccessPoint = new AccessPoint("other-bucket") { Policy = Policy("ap", AllowPrincipal(Alice, "s3:GetObject", AccessPointArn + "/object/*")) },
        });

        Assert.Equal(Decision.Allow, allowing.Decide(request));
        Assert.Equal(Decision.ImplicitDeny, otherBucket.Decide(request));
        Assert.Equal(Decision.Allow, allowing.Decide(request));
    }

    [Fact]
    public void Evaluate_RcpDeniesTheBucketArn_AppliesThroughTheAccessPoint()
    {
        // Conservative reading (FORMAT.md): an RCP applies when it matches either the access point ARN or the bucket's.
        var set = PolicyCompiler.Compile(new PolicySet
        {
            ResourceControlPolicies = Levels([Policy("rcp", """{"Sid":"LockRaw","Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake-raw/*"}""")]),
            ResourcePolicy = Delegating(),
            AccessPoint = LakeAccessPoint(AllowPrincipal(Alice, "s3:GetObject", AccessPointArn + "/object/*")),
        });

        var result = set.Evaluate(Request(Alice, "s3:GetObject", AccessPointObject));

        Assert.Equal(Decision.ExplicitDeny, set.Decide(Request(Alice, "s3:GetObject", AccessPointObject)));
        Assert.Equal("LockRaw", Assert.Single(result.DecidingStatements).Sid);
    }

    [Fact]
    public void Decide_SameRequestThroughTheAccessPointAgain_AllocatesNothing()
    {
        // The route is built once and kept by the request, so repeated decisions stay allocation-free.
        var set = PolicyCompiler.Compile(new PolicySet
        {
            ResourcePolicy = Delegating(),
            AccessPoint = LakeAccessPoint(AllowPrincipal(Alice, "s3:GetObject", AccessPointArn + "/object/*")),
        });
        var request = Request(Alice, "s3:GetObject", AccessPointObject);
        Assert.Equal(Decision.Allow, set.Decide(request));

        var allocated = AllocatedByDecisions(set, request);

        Assert.Equal(Decision.Allow, set.Decide(request));
        Assert.Equal(0, allocated);
    }
}
