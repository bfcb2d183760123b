using PolicyEngine.Analysis;
using PolicyEngine.Catalog;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Tests.Analysis;

public sealed class AccessAnalyzerTests
{
    [Fact]
    public void Check_TwoPoliciesWithOneName_EachStatementKeepsItsOwnConditions()
    {
        // Arrange: an inline and a managed policy may share a name; their first statements differ only in their conditions.
        var set = new PolicySet
        {
            IdentityPolicies =
            [
                NamedPolicy.Parse("reports", AnalysisKit.Document("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}""")),
                NamedPolicy.Parse("reports", AnalysisKit.Document("""{"Effect":"Allow","Action":"s3:PutObject","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}""")),
            ],
        };

        // Act
        var get = AnalysisKit.Analyzer(set).Check("s3:GetObject", "arn:aws:s3:::lake/a");
        var put = AnalysisKit.Analyzer(set).Check("s3:PutObject", "arn:aws:s3:::lake/a");

        // Assert: each is allowed on its own statement's condition, not on the other same-named statement's.
        Assert.Equal((AccessVerdict.Conditional, "aws:SourceIp"), (get.Verdict, Assert.Single(get.ConditionKeys)));
        Assert.Equal((AccessVerdict.Conditional, "aws:MultiFactorAuthPresent"), (put.Verdict, Assert.Single(put.ConditionKeys)));
    }

    [Fact]
    public void GetEffectiveAccess_WildcardAction_ExpandsThroughCatalogueGroupedByLevel()
    {
        // Arrange
        var analyzer = AnalysisKit.Analyzer("""{"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::reports/*"}""");

        // Act
        var access = analyzer.GetEffectiveAccess();

        // Assert
        var s3 = Assert.Single(access.Services);
        Assert.Equal("s3", s3.Service);
        var getObject = access.Find("s3:GetObject");
        Assert.NotNull(getObject);
        Assert.Equal(AccessLevel.Read, getObject.AccessLevel);
        var grant = Assert.Single(getObject.Resources);
        Assert.Equal("arn:aws:s3:::reports/*", grant.Resource);
        Assert.True(grant.IsUnconditional);
        Assert.Equal("p0", Assert.Single(grant.GrantedBy).PolicyName);
        Assert.Null(access.Find("s3:PutObject"));
        Assert.All(access.Actions, a => Assert.StartsWith("s3:Get", a.Action, StringComparison.Ordinal));
    }

    [Fact]
    public void GetEffectiveAccess_NotAction_ExpandsToComplementMinusDeny()
    {
        // Arrange
        var analyzer = AnalysisKit.Analyzer(
            """{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}""",
            """{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}""");

        // Act
        var access = analyzer.GetEffectiveAccess();

        // Assert
        Assert.NotNull(access.Find("ec2:RunInstances"));
        Assert.NotNull(access.Find("s3:GetObject"));
        Assert.Null(access.Find("iam:CreateUser"));
        Assert.Null(access.Find("s3:DeleteBucket"));
        Assert.True(access.ActionCount > 10_000, "NotAction covers nearly the whole catalogue");
    }

    [Fact]
    public void GetEffectiveAccess_ConditionOnRequestKey_IsConditionalNamingTheKey()
    {
        // Arrange
        var analyzer = AnalysisKit.Analyzer(
            """{"Effect":"Allow","Action":"ec2:TerminateInstances","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"red"}}}""");

        // Act
        var grant = Assert.Single(analyzer.GetEffectiveAccess().Find("ec2:TerminateInstances")!.Resources);

        // Assert
        Assert.Equal(AccessVerdict.Conditional, grant.Verdict);
        Assert.Equal("aws:ResourceTag/team", Assert.Single(grant.ConditionKeys));
    }

    [Fact]
    public void Check_ConditionOnAssumedTime_IsDecidedNotConditional()
    {
        // Arrange: expired in 2020, the analysis runs in 2025.
        var analyzer = AnalysisKit.Analyzer(
            """{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"2020-01-01T00:00:01Z"}}}""",
            """{"Effect":"Allow","Action":"iam:SetDefaultPolicyVersion","Resource":"*","Condition":{"DateGreaterThan":{"aws:TokenIssueTime":"2020-01-01T00:00:01Z"}}}""");

        // Act
        var expired = analyzer.Check("iam:CreatePolicyVersion", "arn:aws:iam::111122223333:policy/p");
        var current = analyzer.Check("iam:SetDefaultPolicyVersion", "arn:aws:iam::111122223333:policy/p");

        // Assert
        Assert.Equal(AccessVerdict.Denied, expired.Verdict);
        Assert.Equal(AccessVerdict.Allowed, current.Verdict);
    }

    [Fact]
    public void CheckOwned_BucketOfAnotherAccount_NeedsTheBucketPolicyToo()
    {
        // An S3 ARN names no account: owned by another account, the request is cross-account and the identity policy
        // alone does not allow it (reference_policies_evaluation-logic-cross-account.html); Check takes it as the caller's own.
        var analyzer = AnalysisKit.Analyzer("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""");

        var own = analyzer.Check("s3:GetObject", "arn:aws:s3:::reports/a");
        var foreign = analyzer.CheckOwned("s3:GetObject", "arn:aws:s3:::reports/a", "444455556666");

        Assert.Equal(AccessVerdict.Allowed, own.Verdict);
        Assert.Equal(AccessVerdict.Denied, foreign.Verdict);
    }

    [Fact]
    public void CheckOwned_BucketPolicyGrantingTheCallersAccount_IsAllowedAcrossAccounts()
    {
        var set = AnalysisKit.Identity("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""") with
        {
            ResourcePolicy = PolicyEngine.Evaluation.NamedPolicy.Parse("bucket", AnalysisKit.Document(
                """{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}""")),
        };

        var check = AnalysisKit.Analyzer(set).CheckOwned("s3:GetObject", "arn:aws:s3:::reports/a", "444455556666");

        Assert.Equal(AccessVerdict.Allowed, check.Verdict);
    }

    [Fact]
    public void GetEffectiveAccess_ServiceAndResourceQuery_DecidesOnTheArn()
    {
        // Arrange
        var analyzer = AnalysisKit.Analyzer(
            """{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket","ec2:DescribeInstances"],"Resource":["arn:aws:s3:::data","arn:aws:s3:::data/*"]}""",
            """{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::other/*"}""");

        // Act
        var access = analyzer.GetEffectiveAccess(new AccessQuery("s3", "arn:aws:s3:::data/report.csv"));

        // Assert
        var action = Assert.Single(access.Actions);
        Assert.Equal("s3:GetObject", action.Action);
        Assert.Equal("arn:aws:s3:::data/report.csv", Assert.Single(action.Resources).Resource);
    }

    [Fact]
    public void GetEffectiveAccess_BucketAndObjectPatterns_ListsEachActionOnlyOnItsResourceType()
    {
        // Arrange
        var analyzer = AnalysisKit.Analyzer(
            """{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::data","arn:aws:s3:::data/*"]}""");

        // Act
        var access = analyzer.GetEffectiveAccess();

        // Assert
        Assert.Equal(["arn:aws:s3:::data/*"], access.Find("s3:GetObject")!.Resources.Select(r => r.Resource));
        Assert.Equal(["arn:aws:s3:::data"], access.Find("s3:ListBucket")!.Resources.Select(r => r.Resource));
    }

    [Fact]
    public void GetEffectiveAccess_AdministratorAccess_IsFast()
    {
        // Arrange
        var analyzer = AnalysisKit.Analyzer("""{"Effect":"Allow","Action":"*","Resource":"*"}""");
        analyzer.GetEffectiveAccess(new AccessQuery("s3"));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // Act
        var access = analyzer.GetEffectiveAccess();

        // Assert
        watch.Stop();
        Assert.Equal(ActionCatalog.Default.ActionCount, access.ActionCount);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"took {watch.ElapsedMilliseconds} ms");
    }
}
