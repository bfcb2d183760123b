using PolicyEngine.Diagnostics;
using PolicyEngine.Validation;

namespace PolicyEngine.Tests.Validation;

/// <summary>S3 access point policies: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html.</summary>
public sealed partial class PolicyValidatorTests
{
    private const string AccessPointGrant = """
        "Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/Jane"},"Action":["s3:GetObject","s3:PutObject"],
        "Resource":"arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point/object/Jane/*"
        """;

    [Fact]
    public void Validate_AccessPointPolicyFromTheGuide_IsClean()
    {
        // Example 1 and Example 3 of the page.
        var report = Validate($$"""
            {"Version":"2012-10-17","Statement":[{{{AccessPointGrant}}},
             {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/Arnav"},"Action":"s3:ListBucket",
              "Resource":"arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point"}]}
            """, PolicyKind.AccessPoint);

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
    }

    [Fact]
    public void Validate_AccessPointPolicyNamingTheBucket_IsErrorWithHelp()
    {
        var report = Validate(Statement(AccessPointGrant.Replace(
            "arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point/object/Jane/*", "arn:aws:s3:::amzn-s3-demo-bucket1/Jane/*",
            StringComparison.Ordinal)), PolicyKind.AccessPoint);

        var finding = Single(report, DiagnosticCodes.AccessPointResourceRequired);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("bucket policy", finding.Help, StringComparison.Ordinal);
        Assert.Equal("Statement[0].Resource", finding.Location.Path);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("arn:aws:s3:us-west-2:123456789012:accesspoint/")]
    [InlineData("arn:aws:s3-object-lambda:us-west-2:123456789012:accesspoint/olap")]
    public void Validate_AccessPointPolicyWithOtherResource_IsError(string resource)
    {
        var report = Validate(Statement($$"""
            "Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"{{resource}}"
            """), PolicyKind.AccessPoint);

        Assert.Equal(Severity.Error, Single(report, DiagnosticCodes.AccessPointResourceRequired).Severity);
    }

    [Fact]
    public void Validate_AccessPointPolicyWithoutPrincipal_IsError()
    {
        var report = Validate(Statement("""
            "Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point/object/*"
            """), PolicyKind.AccessPoint);

        var finding = Single(report, DiagnosticCodes.MissingPrincipal);
        Assert.Contains("S3 access point policies", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AccessPointPolicyWithoutResource_IsError()
    {
        var report = Validate(Statement("""
            "Effect":"Allow","Principal":"*","Action":"s3:GetObject"
            """), PolicyKind.AccessPoint);

        Assert.Equal(Severity.Error, Single(report, DiagnosticCodes.MissingResource).Severity);
    }

    [Fact]
    public void Validate_AccessPointPolicyOver20KB_IsTooLarge()
    {
        // "Access point policies are limited to 20 KB in size"; white space counts.
        var statements = string.Join(",", Enumerable.Range(0, 120).Select(i => $$"""
            {"Sid":"S{{i}}","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/user-{{i}}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point/object/u{{i}}/*"}
            """));
        var json = $$"""{"Version":"2012-10-17","Statement":[{{statements}}]}""";

        var report = Validate(json, PolicyKind.AccessPoint);

        Assert.True(json.Length > 20_480, "the document must exceed the quota for the test to mean anything");
        var finding = Single(report, DiagnosticCodes.PolicyTooLarge);
        Assert.Contains("20480", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Validate(json, PolicyKind.Resource).Findings, static f => f.Code == DiagnosticCodes.PolicyTooLarge);
    }
}
