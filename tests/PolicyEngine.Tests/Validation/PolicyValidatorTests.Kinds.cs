using PolicyEngine.Diagnostics;
using PolicyEngine.Validation;

namespace PolicyEngine.Tests.Validation;

public sealed partial class PolicyValidatorTests
{
    private const string TrustEc2 = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}
        """;

    [Theory]
    [InlineData(PolicyKind.Identity)]
    [InlineData(PolicyKind.Boundary)]
    [InlineData(PolicyKind.Session)]
    [InlineData(PolicyKind.Scp)]
    public void Validate_PrincipalInKindWithoutPrincipals_IsError(PolicyKind kind)
    {
        var report = Validate(Statement("\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\""), kind);

        var finding = Single(report, DiagnosticCodes.PrincipalNotAllowed);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("Statement[0].Principal", finding.Location.Path);
    }

    [Theory]
    [InlineData(PolicyKind.Resource)]
    [InlineData(PolicyKind.Trust)]
    [InlineData(PolicyKind.Rcp)]
    public void Validate_NoPrincipalInKindThatNeedsOne_IsError(PolicyKind kind)
    {
        var report = Validate(Statement("\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\""), kind);

        Assert.Equal(Severity.Error, Single(report, DiagnosticCodes.MissingPrincipal).Severity);
    }

    [Fact]
    public void Validate_TrustPolicyForService_IsClean()
        => Assert.Empty(Validate(TrustEc2, PolicyKind.Trust).Findings);

    [Theory]
    [InlineData("sts:*")]
    [InlineData("sts:AssumeRole*")]
    [InlineData("sts:TagSession")]
    public void Validate_TrustActionPatternCoveringAssumeRole_IsAccepted(string action)
    {
        var report = Validate(TrustEc2.Replace("\"sts:AssumeRole\"", $"\"{action}\"", StringComparison.Ordinal), PolicyKind.Trust);

        Assert.DoesNotContain(report.Findings, static f => f.Code == DiagnosticCodes.InvalidTrustAction);
    }

    [Fact]
    public void Validate_RcpFullAccess_IsAccepted()
    {
        var report = Validate(Statement("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\""), PolicyKind.Rcp);

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
    }

    [Fact]
    public void Validate_RcpWithServiceWithoutRcpSupport_NamesSupportedServices()
    {
        var finding = Single(Validate(Statement("\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"ec2:RunInstances\",\"Resource\":\"*\""), PolicyKind.Rcp),
            DiagnosticCodes.RcpServiceNotSupported);

        Assert.Contains("`s3`", finding.Help, StringComparison.Ordinal);
        Assert.Contains("`ec2`", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ScpAllowWithConditionAndNotResource_IsAccepted()
    {
        // Since September 2025 SCPs support the full IAM policy language, conditions and NotResource in Allow included.
        var report = Validate(Statement("""
            "Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secrets/*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}
            """), PolicyKind.Scp);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Validate_ScpSizeCountsWhiteSpace_IdentityDoesNot()
    {
        // 5,200 spaces of white space: over 5,120 characters for Organizations, well under any IAM quota.
        var json = Statement("\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"" + new string(' ', 5_200));

        Assert.Equal(Severity.Error, Single(Validate(json, PolicyKind.Scp), DiagnosticCodes.PolicyTooLarge).Severity);
        Assert.DoesNotContain(Validate(json, PolicyKind.Identity, new ValidationOptions { Container = PolicyContainer.UserInline }).Findings,
            static f => f.Code == DiagnosticCodes.PolicyTooLarge);
    }

    [Theory]
    [InlineData(PolicyContainer.UserInline, 2_048, true)]
    [InlineData(PolicyContainer.GroupInline, 5_120, false)]
    [InlineData(PolicyContainer.Managed, 6_144, false)]
    [InlineData(PolicyContainer.RoleInline, 10_240, false)]
    [InlineData(PolicyContainer.AwsManaged, 0, false)]
    public void Validate_IdentityPolicyOf3000Characters_FitsItsContainerQuota(PolicyContainer container, int quota, bool tooLarge)
    {
        var resources = string.Join(",", Enumerable.Range(0, 100).Select(static i => $"\"arn:aws:s3:::b{i:D3}/*\""));
        var json = Statement($"\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":[{resources}]");

        var report = Validate(json, PolicyKind.Identity, new ValidationOptions { Container = container });

        Assert.Equal(tooLarge, report.Findings.Any(static f => f.Code == DiagnosticCodes.PolicyTooLarge));
        if (tooLarge)
        {
            Assert.Contains($"at most {quota}", Single(report, DiagnosticCodes.PolicyTooLarge).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_RaisedTrustQuota_UsesMaxCharacters()
    {
        var principals = string.Join(",", Enumerable.Range(0, 100).Select(static i => $"\"arn:aws:iam::{100000000000 + i}:root\""));
        var json = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":[{{principals}}]},"Action":"sts:AssumeRole"}]}""";

        Assert.True(Validate(json, PolicyKind.Trust).HasErrors);
        Assert.False(Validate(json, PolicyKind.Trust, new ValidationOptions { MaxCharacters = 4_096 }).HasErrors);
    }

    [Fact]
    public void Validate_SidRuleAppliesToIamKindsOnly()
    {
        const string body = "\"Sid\":\"Allow read\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::lake/*\"";

        Assert.DoesNotContain(Validate(Statement(body), PolicyKind.Resource).Findings, static f => f.Code == DiagnosticCodes.InvalidSid);
        var finding = Single(Validate(Statement(body.Replace("\"Principal\":\"*\",", string.Empty, StringComparison.Ordinal))), DiagnosticCodes.InvalidSid);
        Assert.Equal("did you mean `Allowread`?", finding.Help);
        Assert.Equal("Statement[0].Sid", finding.Location.Path);
    }
}
