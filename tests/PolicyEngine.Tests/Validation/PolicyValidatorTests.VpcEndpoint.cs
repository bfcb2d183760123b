using PolicyEngine.Diagnostics;
using PolicyEngine.Validation;

namespace PolicyEngine.Tests.Validation;

/// <summary>VPC endpoint policies: https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html, "Considerations".</summary>
public sealed partial class PolicyValidatorTests
{
    private const string DefaultEndpointPolicy = """{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""";

    private static ValidationReport ValidateEndpoint(string statementBody)
        => Validate(Statement(statementBody), PolicyKind.VpcEndpoint);

    [Fact]
    public void Validate_DefaultEndpointPolicy_HasNoErrors()
    {
        var report = Validate(DefaultEndpointPolicy, PolicyKind.VpcEndpoint);

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
    }

    [Fact]
    public void Validate_EndpointStatementWithoutPrincipal_IsError()
    {
        // "It must contain a Principal element."
        var finding = Single(ValidateEndpoint("\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\""), DiagnosticCodes.MissingPrincipal);

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("VPC endpoint policies must name one", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EndpointNotPrincipal_IsAccepted()
    {
        var report = ValidateEndpoint("\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::111122223333:role/etl\"},\"Action\":\"s3:*\",\"Resource\":\"*\"");

        Assert.DoesNotContain(report.Findings, static f => f.Code is DiagnosticCodes.UnsupportedElement or DiagnosticCodes.PrincipalNotAllowed);
    }

    [Fact]
    public void Validate_EndpointPolicyOverQuota_CountsWhiteSpace()
    {
        // "The size of an endpoint policy cannot exceed 20,480 characters, including white space."
        var padded = DefaultEndpointPolicy.Replace("{\"Statement\"", "{" + new string(' ', 20_480) + "\"Statement\"", StringComparison.Ordinal);

        var finding = Single(Validate(padded, PolicyKind.VpcEndpoint), DiagnosticCodes.PolicyTooLarge);

        Assert.Contains("at most 20480", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Validate(padded, PolicyKind.Resource).Findings, static f => f.Code == DiagnosticCodes.PolicyTooLarge);
    }

    [Theory]
    [InlineData("StringLike", "aws:SourceVpc", "vpc-1a2b*")]
    [InlineData("StringEquals", "aws:PrincipalAccount", "1111222233?3")]
    [InlineData("NumericEquals", "aws:PrincipalAccount", "111122223333")]
    public void Validate_EndpointPatternOnIdentifierKey_IsError(string op, string key, string value)
    {
        var finding = Single(ValidateEndpoint($$$"""
            "Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"{{{op}}}":{"{{{key}}}":"{{{value}}}"}}
            """), DiagnosticCodes.EndpointIdentifierKeyPattern);

        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void Validate_EndpointExactIdentifier_IsAccepted()
    {
        var report = ValidateEndpoint("""
            "Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpc":"vpc-111bbb22","aws:PrincipalOrgID":"o-a1b2c3d4e5"}}
            """);

        Assert.DoesNotContain(report.Findings, static f => f.Code == DiagnosticCodes.EndpointIdentifierKeyPattern);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/etl-*", false)]
    [InlineData("*-reader", false)]
    [InlineData("etl-*", true)]
    [InlineData("*", true)]
    public void Validate_EndpointStringLikeWildcard_NeedsSixCharactersOnOneSide(string value, bool reported)
    {
        var report = ValidateEndpoint($$$"""
            "Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringLike":{"aws:PrincipalTag/team":"{{{value}}}"}}
            """);

        Assert.Equal(reported, report.Findings.Any(static f => f.Code == DiagnosticCodes.EndpointWildcardTooShort));
    }

    [Theory]
    [InlineData("arn:aws:s3:::my_secure_bucket/*", false)]
    [InlineData("arn:aws:dynamodb:us-east-1:*:table/orders", false)]
    [InlineData("arn:aws:dynamodb:us-east-1:1111*:table/orders", true)]
    public void Validate_EndpointArnAccountPart_IdOrWildcardNotBoth(string resource, bool reported)
    {
        var report = ValidateEndpoint($"\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"{resource}\"");

        Assert.Equal(reported, report.Findings.Any(static f => f.Code == DiagnosticCodes.EndpointArnAccountMixed));
    }

    [Fact]
    public void Validate_EndpointRulesInOtherKinds_NotApplied()
    {
        var report = Validate(Statement("""
            "Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringLike":{"aws:SourceVpc":"vpc-*"}}
            """), PolicyKind.Resource);

        Assert.DoesNotContain(report.Findings, static f => f.Code is DiagnosticCodes.EndpointIdentifierKeyPattern or DiagnosticCodes.EndpointWildcardTooShort);
    }
}
