using PolicyEngine.Evaluation;
using PolicyEngine.Explain;
using static PolicyEngine.Tests.Evaluation.TestPolicies;

namespace PolicyEngine.Tests.Evaluation;

/// <summary>
/// S3 Block Public Access (RestrictPublicBuckets, IgnorePublicAcls) and Object Ownership, decided and explained
/// (S3 User Guide: access-control-block-public-access.html, about-object-ownership.html, acl-overview.html).
/// </summary>
public sealed partial class CompiledPolicySetTests
{
    private const string Anonymous = "*";
    private static readonly BlockPublicAccessSettings Restrict = BlockPublicAccessSettings.Off with { RestrictPublicBuckets = true };
    private static readonly BlockPublicAccessSettings IgnoreAcls = BlockPublicAccessSettings.Off with { IgnorePublicAcls = true };

    private static NamedPolicy PublicReadPolicy()
        => Policy("bucket-policy", """{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}""");

    [Fact]
    public void Evaluate_PublicPolicyRestrictedCrossAccount_DeniesWithItsReasonAndTheSetAsideGrant()
    {
        // Arrange
        var set = PolicyCompiler.Compile(new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:GetObject"))],
            ResourcePolicy = PublicReadPolicy(),
            BlockPublicAccess = Restrict,
        });

        // Act
        var result = set.Evaluate(Request(Bob, "s3:GetObject", ObjectArn, Account));

        // Assert
        Assert.Equal(Decision.ImplicitDeny, result.Decision);
        Assert.Equal(DecisionReason.RestrictedByBlockPublicAccess, result.Explanation.Reason);
        var setAside = Assert.Single(result.DecidingStatements);
        Assert.Equal((PolicyType.Resource, "PublicRead"), (setAside.PolicyType, setAside.Sid));
        Assert.Contains("RestrictPublicBuckets", ExplanationFormatter.Format(result), StringComparison.Ordinal);
        Assert.Equal(Decision.ImplicitDeny, set.Decide(Request(Bob, "s3:GetObject", ObjectArn, Account)));
    }

    [Fact]
    public void Decide_PublicPolicyRestricted_AnonymousDeniedOwnerAccountAndServiceAllowed()
    {
        // Arrange: "restricts access ... to only AWS service principals and authorized users within the bucket owner's account"
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:GetObject"))],
            ResourcePolicy = PublicReadPolicy(),
            BlockPublicAccess = Restrict,
        };

        // Act
        // An anonymous caller has no identity policies of its own.
        var anonymous = Decide(set with { IdentityPolicies = [] }, Request(Anonymous, "s3:GetObject", ObjectArn, Account));
        var owner = Decide(set, Request(Alice, "s3:GetObject", ObjectArn, Account));
        var service = Decide(set with { IdentityPolicies = [] }, Request("cloudtrail.amazonaws.com", "s3:GetObject", ObjectArn, Account));

        // Assert
        Assert.Equal((Decision.ImplicitDeny, Decision.Allow, Decision.Allow), (anonymous, owner, service));
    }

    [Fact]
    public void Evaluate_AnonymousUnderPublicPolicyRestricted_SaysBlockPublicAccessNotNoAllow()
    {
        var set = PolicyCompiler.Compile(new PolicySet { ResourcePolicy = PublicReadPolicy(), BlockPublicAccess = Restrict });

        var result = set.Evaluate(Request(Anonymous, "s3:GetObject", ObjectArn, Account));

        Assert.Equal(DecisionReason.RestrictedByBlockPublicAccess, result.Explanation.Reason);
    }

    [Fact]
    public void Decide_NonPublicPolicyRestricted_CrossAccountGrantStands()
    {
        // "RestrictPublicBuckets only applies to buckets that have public policies"
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:GetObject"))],
            ResourcePolicy = Policy("bucket", AllowPrincipal(OtherAccount, "s3:GetObject")),
            BlockPublicAccess = BlockPublicAccessSettings.All,
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(Bob, "s3:GetObject", ObjectArn, Account)));
    }

    [Fact]
    public void Decide_RestrictWithoutPublicGrantToCaller_KeepsTheUsualReason()
    {
        // A cross-account caller the policy never named is refused for that reason, not for Block Public Access.
        var set = PolicyCompiler.Compile(new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:PutObject"))],
            ResourcePolicy = PublicReadPolicy(),
            BlockPublicAccess = Restrict,
        });

        var result = set.Evaluate(Request(Bob, "s3:PutObject", ObjectArn, Account));

        Assert.Equal(DecisionReason.CrossAccountResourcePolicyDoesNotAllow, result.Explanation.Reason);
    }

    [Fact]
    public void Decide_RestrictPublicBucketsOnANonS3Request_DoesNotApply()
    {
        // Block Public Access is an S3 setting: a queue's public policy is not restricted by it.
        var queue = "arn:aws:sqs:us-east-1:111122223333:q";
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("sqs:SendMessage"))],
            ResourcePolicy = Policy("queue", """{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}"""),
            BlockPublicAccess = Restrict,
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(Bob, "sqs:SendMessage", queue)));
    }

    [Fact]
    public void Evaluate_AllUsersObjectAclGrant_AllowsAnonymousAndNamesTheGrant()
    {
        // Arrange
        var set = PolicyCompiler.Compile(new PolicySet { ObjectAcl = [AclGrant.ToGroup(AclGrantee.AllUsers, AclPermission.Read)] });

        // Act
        var result = set.Evaluate(Request(Anonymous, "s3:GetObject", ObjectArn, Account));

        // Assert
        Assert.Equal(Decision.Allow, result.Decision);
        Assert.Equal(DecisionReason.AllowedByAccessControlList, result.Explanation.Reason);
        var grant = Assert.Single(result.DecidingStatements);
        Assert.Equal((PolicyType.AccessControlList, "object-acl", "AllUsersRead"), (grant.PolicyType, grant.PolicyName, grant.Sid));
    }

    [Theory]
    [InlineData(ObjectOwnership.BucketOwnerEnforced, false, Decision.ImplicitDeny)]
    [InlineData(ObjectOwnership.BucketOwnerPreferred, false, Decision.Allow)]
    [InlineData(ObjectOwnership.ObjectWriter, false, Decision.Allow)]
    [InlineData(ObjectOwnership.ObjectWriter, true, Decision.ImplicitDeny)]
    public void Decide_PublicAclGrant_CountsOnlyWithAclsEnabledAndPublicAclsNotIgnored(ObjectOwnership ownership, bool ignorePublicAcls,
        Decision expected)
    {
        var set = new PolicySet
        {
            ObjectOwnership = ownership,
            BlockPublicAccess = ignorePublicAcls ? IgnoreAcls : null,
            ObjectAcl = [AclGrant.ToGroup(AclGrantee.AllUsers, AclPermission.Read)],
        };

        Assert.Equal(expected, Decide(set, Request(Anonymous, "s3:GetObject", ObjectArn, Account)));
    }

    [Fact]
    public void Evaluate_AclsDisabledByBucketOwnerEnforced_ShowsTheGrantAsIgnored()
    {
        var set = PolicyCompiler.Compile(new PolicySet
        {
            ObjectOwnership = ObjectOwnership.BucketOwnerEnforced,
            ObjectAcl = [AclGrant.ToGroup(AclGrantee.AllUsers, AclPermission.Read)],
        });

        var result = set.Evaluate(Request(Anonymous, "s3:GetObject", ObjectArn, Account));

        var outcome = Assert.Single(result.Explanation.Statements);
        Assert.Equal((PolicyType.AccessControlList, StatementStatus.AclIgnored), (outcome.Statement.PolicyType, outcome.Status));
        Assert.Equal(DecisionReason.NoAllow, result.Explanation.Reason);
        Assert.Contains("BucketOwnerEnforced", ExplanationFormatter.Format(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PublicAclGrantUnderIgnorePublicAcls_IgnoredWhileAnAccountGrantApplies()
    {
        var set = PolicyCompiler.Compile(new PolicySet
        {
            BlockPublicAccess = IgnoreAcls,
            BucketAcl = [AclGrant.ToGroup(AclGrantee.AuthenticatedUsers, AclPermission.Read), AclGrant.ToAccount(OtherAccount, AclPermission.Read)],
        });

        var statuses = set.Evaluate(Request(Bob, "s3:ListBucket", "arn:aws:s3:::lake-raw", Account)).Explanation.Statements.Select(static o => o.Status);

        Assert.Equal([StatementStatus.AclIgnored, StatementStatus.Matched], statuses);
    }

    [Fact]
    public void Decide_AccountAclGrant_DelegatesLikeAResourcePolicyNamingTheAccount()
    {
        // The grantee account's principal still needs its own account's permission (S3 "user context").
        var acl = new PolicySet { BucketAcl = [AclGrant.ToAccount(OtherAccount, AclPermission.Read)] };
        var list = Request(Bob, "s3:ListBucket", "arn:aws:s3:::lake-raw", Account);

        Assert.Equal(Decision.ImplicitDeny, Decide(acl, list));
        Assert.Equal(Decision.Allow, Decide(acl with { IdentityPolicies = [Policy("p", Allow("s3:ListBucket"))] }, list));
        Assert.Equal(Decision.Allow, Decide(acl with { IdentityPolicies = [Policy("p", Allow("s3:ListBucket"))], BlockPublicAccess = IgnoreAcls }, list));
    }

    [Fact]
    public void Decide_AuthenticatedUsersGrant_NeedsASignedCaller()
    {
        var set = new PolicySet { ObjectAcl = [AclGrant.ToGroup(AclGrantee.AuthenticatedUsers, AclPermission.Read)] };

        Assert.Equal(Decision.ImplicitDeny, Decide(set, Request(Anonymous, "s3:GetObject", ObjectArn, Account)));
        Assert.Equal(Decision.Allow, Decide(set, Request(Alice, "s3:GetObject", ObjectArn, Account)));
    }

    [Theory]
    [InlineData(AclPermission.Read, true, "s3:ListBucket", true)]
    [InlineData(AclPermission.Read, true, "s3:GetObject", false)]
    [InlineData(AclPermission.Write, true, "s3:PutObject", true)]
    [InlineData(AclPermission.ReadAcp, true, "s3:GetBucketAcl", true)]
    [InlineData(AclPermission.WriteAcp, true, "s3:PutBucketAcl", true)]
    [InlineData(AclPermission.FullControl, true, "s3:ListBucketMultipartUploads", true)]
    [InlineData(AclPermission.Read, false, "s3:GetObjectVersion", true)]
    [InlineData(AclPermission.Write, false, "s3:PutObject", false)]
    [InlineData(AclPermission.ReadAcp, false, "s3:GetObjectVersionAcl", true)]
    [InlineData(AclPermission.WriteAcp, false, "s3:PutObjectAcl", true)]
    [InlineData(AclPermission.FullControl, false, "s3:PutObjectVersionAcl", true)]
    [InlineData(AclPermission.FullControl, false, "s3:DeleteObject", false)]
    public void Decide_AclPermission_AllowsTheActionsOfTheGuidesMapping(AclPermission permission, bool onBucket, string action, bool allowed)
    {
        // acl-overview.html#acl-access-policy-permission-mapping
        var grant = AclGrant.ToGroup(AclGrantee.AllUsers, permission);
        var set = onBucket ? new PolicySet { BucketAcl = [grant] } : new PolicySet { ObjectAcl = [grant] };

        Assert.Equal(allowed ? Decision.Allow : Decision.ImplicitDeny, Decide(set, Request(Anonymous, action, ObjectArn, Account)));
    }

    [Fact]
    public void Decide_PublicPolicyRestricted_AclGrantToTheCallersAccountStillCounts()
    {
        // RestrictPublicBuckets sets aside what the public policy grants; an ACL grant is not "derived from" the policy.
        var set = new PolicySet
        {
            IdentityPolicies = [Policy("p", Allow("s3:GetObject"))],
            ResourcePolicy = PublicReadPolicy(),
            BlockPublicAccess = Restrict,
            ObjectAcl = [AclGrant.ToAccount(OtherAccount, AclPermission.Read)],
        };

        Assert.Equal(Decision.Allow, Decide(set, Request(Bob, "s3:GetObject", ObjectArn, Account)));
    }

    [Fact]
    public void MostRestrictive_AccountAndBucketSettings_TurnsOnWhatEitherTurnsOn()
    {
        var account = BlockPublicAccessSettings.Off with { RestrictPublicBuckets = true, BlockPublicAcls = true };
        var bucket = BlockPublicAccessSettings.Off with { IgnorePublicAcls = true };

        var combined = bucket.MostRestrictive(account);

        Assert.Equal(new BlockPublicAccessSettings(true, true, false, true), combined);
        Assert.Same(bucket, bucket.MostRestrictive(null));
    }
}
