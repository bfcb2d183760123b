using System.Text.Json;
using PolicyEngine.Diagnostics;
using PolicyEngine.Validation;

namespace PolicyEngine.Tests.Validation;

public sealed partial class PolicyValidatorTests
{
    private static ValidationReport Validate(string json, PolicyKind kind = PolicyKind.Identity, ValidationOptions? options = null)
        => PolicyValidator.Validate(json, kind, options);

    private static string Statement(string body) => $$"""{"Version":"2012-10-17","Statement":[{{{body}}}]}""";

    private static Diagnostic Single(ValidationReport report, string code)
        => Assert.Single(report.Findings, f => f.Code == code);

    [Fact]
    public void Validate_NotJson_ReportsGrammarErrorWithoutDocument()
    {
        var report = Validate("{ nope");

        Assert.Null(report.Document);
        Assert.True(report.HasErrors);
        Assert.Equal(DiagnosticCodes.InvalidJson, Assert.Single(report.Findings).Code);
    }

    [Fact]
    public void Validate_CleanIdentityPolicy_HasNoFindings()
    {
        var report = Validate(Statement("""
            "Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::lake/${aws:username}/*"
            """));

        Assert.Empty(report.Findings);
        Assert.False(report.HasErrors);
        Assert.NotNull(report.Document);
        Assert.Equal(PolicyKind.Identity, report.Kind);
    }

    [Fact]
    public void Validate_ManyProblems_SortsFindingsByPosition()
    {
        var report = Validate("""
            {"Statement":[
              {"Sid":"a-b","Effect":"Allow","Action":"s3:GetObjekt","Resource":"bucket"},
              {"Effect":"Allow","NotAction":"iam:*","Resource":"*"}
            ]}
            """);

        Assert.Equal(report.Findings.Order(Diagnostic.ByPosition), report.Findings);
        Assert.Equal(
            [DiagnosticCodes.MissingVersion, DiagnosticCodes.InvalidSid, DiagnosticCodes.UnknownAction, DiagnosticCodes.InvalidArn, DiagnosticCodes.AllowWithNotAction],
            report.Findings.Select(static f => f.Code));
    }

    [Fact]
    public void Validate_JsonElement_ValidatesElementText()
    {
        using var json = JsonDocument.Parse("""{"outer":{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject"}}}""");

        var report = PolicyValidator.Validate(json.RootElement.GetProperty("outer"), PolicyKind.Identity);

        Assert.Equal(DiagnosticCodes.MissingResource, Single(report, DiagnosticCodes.MissingResource).Code);
    }

    [Fact]
    public void Validate_Utf8WithByteOrderMark_Reads()
    {
        var bytes = "\uFEFF"u8.ToArray().Concat(System.Text.Encoding.UTF8.GetBytes(Statement("\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\""))).ToArray();

        var report = PolicyValidator.Validate(bytes, PolicyKind.Identity);

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
    }

    [Fact]
    public void Validate_UnknownActionWithNearName_WarnsWithSuggestion()
    {
        var finding = Single(Validate(Statement("\"Effect\":\"Allow\",\"Action\":\"s3:GetObjekt\",\"Resource\":\"*\"")), DiagnosticCodes.UnknownAction);

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("unknown action `s3:GetObjekt`", finding.Message);
        Assert.Contains("`s3:GetObject`", finding.Help, StringComparison.Ordinal);
        Assert.Equal("Statement[0].Action", finding.Location.Path);
    }

    [Fact]
    public void Validate_UnknownService_WarnsWithSuggestedService()
    {
        var finding = Single(Validate(Statement("\"Effect\":\"Allow\",\"Action\":\"ec3:RunInstances\",\"Resource\":\"*\"")), DiagnosticCodes.UnknownService);

        Assert.Equal("unknown service `ec3` in `ec3:RunInstances`", finding.Message);
        Assert.Equal("did you mean `ec2:RunInstances`?", finding.Help);
    }

    [Theory]
    [InlineData("arn:aws:rds:*")]
    [InlineData("arn:aws:s3:::bucket/${aws:username}/*")]
    [InlineData("arn:aws-cn:iam::123456789012:role/a:b")]
    [InlineData("*")]
    public void Validate_ArnsIamAccepts_ReportNoInvalidArn(string arn)
    {
        var report = Validate(Statement($"\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"{arn}\""));

        Assert.DoesNotContain(report.Findings, static f => f.Code == DiagnosticCodes.InvalidArn);
    }

    [Fact]
    public void Validate_ApiGatewayShortResourceInResourcePolicy_IsAccepted()
    {
        var report = Validate(Statement("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/prod/*\""), PolicyKind.Resource);

        Assert.False(report.HasErrors, string.Join("; ", report.Findings));
    }

    [Fact]
    public void Validate_PatternCoveredByBroaderPattern_SuggestsRemovingIt()
    {
        var finding = Single(Validate(Statement("\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:*\"],\"Resource\":\"*\"")), DiagnosticCodes.RedundantAction);

        Assert.Equal(Severity.Suggestion, finding.Severity);
        Assert.Equal("`s3:Get*` is already covered by `s3:*`", finding.Message);
        Assert.Equal("Statement[0].Action[0]", finding.Location.Path);
    }

    [Fact]
    public void Validate_PatternsWithSameActions_ReportsOnlyTheLater()
    {
        var report = Validate(Statement("\"Effect\":\"Allow\",\"Action\":[\"s3:GetObjectVersion*\",\"s3:GetObjectVersion*\"],\"Resource\":\"*\""));

        Assert.Equal("Statement[0].Action[1]", Single(report, DiagnosticCodes.RedundantAction).Location.Path);
    }

    [Fact]
    public void Validate_ConditionKeyOfIdentityProvider_IsNotChecked()
    {
        var report = Validate(Statement("""
            "Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/accounts.google.com"},
            "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"accounts.google.com:aud":"client"}}
            """), PolicyKind.Trust);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Validate_ServiceTagKeySpelledWithoutBrackets_IsKnown()
    {
        // The catalogue spells this key `secretsmanager:ResourceTag/tag-key`; AWS managed policies fill it in.
        var report = Validate(Statement("""
            "Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*",
            "Condition":{"StringEquals":{"secretsmanager:ResourceTag/aws:secretsmanager:owningService":"rds"}}
            """));

        Assert.DoesNotContain(report.Findings, static f => f.Code is DiagnosticCodes.UnknownConditionKey or DiagnosticCodes.UnsupportedConditionKey);
    }

    [Fact]
    public void Validate_ConditionValuesOfRightType_ReportNoMismatch()
    {
        var report = Validate(Statement("""
            "Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{
              "IpAddress":{"aws:SourceIp":["10.0.0.0/8","2001:db8::/32","::ffff:192.0.2.1","fe80::1"]},
              "DateGreaterThan":{"aws:CurrentTime":["2026-01-01","2026-01-01T10:00:00Z",1767225600]},
              "NumericLessThan":{"aws:MultiFactorAuthAge":[3600,"1.5"]},
              "Bool":{"aws:SecureTransport":[true,"False","${aws:PrincipalTag/secure}"]},
              "StringLike":{"s3:prefix":"home/${aws:username}/*"}}
            """));

        Assert.DoesNotContain(report.Findings, static f => f.Code == DiagnosticCodes.ConditionValueTypeMismatch);
    }
}
