using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Tests.Analysis;

/// <summary><see cref="AccessAnalyzer.WithResourcePolicy"/>: a caller's compiled policies decided against a role's trust policy.</summary>
public sealed class AccessAnalyzerResourcePolicyTests
{
    private const string Role = "arn:aws:iam::111122223333:role/target";
    private const string AssumeRole = "sts:AssumeRole";
    private const string AllowAssume = """{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}""";
    private const string OtherAction = """{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""";

    private static NamedPolicy Trust(string principal) => NamedPolicy.Parse("trust", AnalysisKit.Document(
        $$"""{"Effect":"Allow","Principal":{"AWS":"{{principal}}"},"Action":"sts:AssumeRole"}"""));

    [Fact]
    public void WithResourcePolicy_TrustNamingTheCaller_AllowsWithoutIdentityGrant()
    {
        // Arrange
        var analyzer = AnalysisKit.Analyzer(OtherAction);

        // Act
        var check = analyzer.WithResourcePolicy(Trust(AnalysisKit.User)).Check(AssumeRole, Role);

        // Assert
        Assert.Equal(AccessVerdict.Allowed, check.Verdict);
        var grant = Assert.Single(check.GrantedBy);
        Assert.Equal(("trust", PolicyType.Resource), (grant.PolicyName, grant.PolicyType));
    }

    [Fact]
    public void WithResourcePolicy_TrustNamingTheAccount_NeedsTheIdentityGrant()
    {
        // Arrange
        var trust = Trust("arn:aws:iam::111122223333:root");

        // Act
        var without = AnalysisKit.Analyzer(OtherAction).WithResourcePolicy(trust).Check(AssumeRole, Role);
        var with = AnalysisKit.Analyzer(AllowAssume).WithResourcePolicy(trust).Check(AssumeRole, Role);

        // Assert
        Assert.Equal(AccessVerdict.Denied, without.Verdict);
        Assert.Equal(AccessVerdict.Allowed, with.Verdict);
        Assert.Equal(["p0", "trust"], with.GrantedBy.Select(static g => g.PolicyName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WithResourcePolicy_IdentityDeny_WinsOverTheTrust()
    {
        // Arrange
        var analyzer = AnalysisKit.Analyzer(AllowAssume, $$"""{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"{{Role}}"}""");

        // Act
        var check = analyzer.WithResourcePolicy(Trust(AnalysisKit.User)).Check(AssumeRole, Role);

        // Assert
        Assert.Equal(AccessVerdict.Denied, check.Verdict);
    }

    [Fact]
    public void WithResourcePolicy_LeavesTheOriginalAnalyzerWithoutTheTrust()
    {
        // Arrange
        var analyzer = AnalysisKit.Analyzer(OtherAction);

        // Act
        _ = analyzer.WithResourcePolicy(Trust(AnalysisKit.User));

        // Assert
        Assert.Equal(AccessVerdict.Denied, analyzer.Check(AssumeRole, Role).Verdict);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/alice")]
    [InlineData("arn:aws:iam::111122223333:root")]
    [InlineData("arn:aws:iam::111122223333:user/bob")]
    [InlineData("arn:aws:iam::444455556666:root")]
    public void WithResourcePolicy_DecidesAsCompilingTheWholeSet(string principal)
    {
        // Arrange: a boundary, SCPs and a condition, so every part the compiler orders before the resource policy is there.
        var set = AnalysisKit.Identity(AllowAssume) with
        {
            PermissionsBoundary = NamedPolicy.Parse("boundary", AnalysisKit.Document("""{"Effect":"Allow","Action":"sts:*","Resource":"*"}""")),
            ServiceControlPolicies = [[NamedPolicy.Parse("scp", AnalysisKit.Document(
                """{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}"""))]],
        };
        var trust = Trust(principal);

        // Act
        var combined = AnalysisKit.Analyzer(set).WithResourcePolicy(trust).Check(AssumeRole, Role);
        var whole = AnalysisKit.Analyzer(set with { ResourcePolicy = trust }).Check(AssumeRole, Role);

        // Assert
        Assert.Equal(whole.Verdict, combined.Verdict);
        Assert.Equal(whole.ConditionKeys.ToArray(), combined.ConditionKeys.ToArray());
        Assert.Equal(whole.GrantedBy.ToArray(), combined.GrantedBy.ToArray());
    }

    [Fact]
    public void WithResourcePolicy_SetWithEndpointPolicy_StillDecidesTheEndpointPolicy()
    {
        // Arrange: the endpoint policy comes after the resource policy, so the whole set is compiled again.
        var set = AnalysisKit.Identity(AllowAssume) with
        {
            VpcEndpointPolicy = NamedPolicy.Parse("endpoint", AnalysisKit.Document(
                """{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole","Resource":"*"}""")),
        };

        // Act
        var check = AnalysisKit.Analyzer(set).WithResourcePolicy(Trust(AnalysisKit.User)).Check(AssumeRole, Role);

        // Assert
        Assert.Equal(AccessVerdict.Denied, check.Verdict);
    }
}
