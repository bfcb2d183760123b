using Governance.Core.Risk;

namespace Governance.Core.Tests.Risk;

/// <summary>Effective access worked out once for principals with the same policy documents: each one's findings still name its own policies.</summary>
public sealed class SharedAccessTests
{
    private const string Wide = """{"Version":"2012-10-17","Statement":[{"Sid":"Everything","Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}]}""";

    private static string Role(string name, string policyName, string document)
        => $$"""{"Path":"/","RoleName":"{{name}}","RoleId":"AROA{{name.ToUpperInvariant()}}","Arn":"arn:aws:iam::123456789012:role/{{name}}","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]},"InstanceProfileList":[],"RolePolicyList":[{"PolicyName":"{{policyName}}","PolicyDocument":{{document}}}],"AttachedManagedPolicies":[],"Tags":[]}""";

    [Fact]
    public void Audit_SameDocumentUnderTwoNames_EachFindingNamesItsOwnPolicy()
    {
        // Arrange
        var json = $$"""{"UserDetailList":[],"GroupDetailList":[],"Policies":[],"RoleDetailList":[{{Role("first", "wide-a", Wide)}},{{Role("second", "wide-b", Wide)}}]}""";

        // Act
        var audit = LabAudit.Audit(json);

        // Assert
        var first = LabAudit.Principal(audit, "first");
        var second = LabAudit.Principal(audit, "second");
        Assert.Equal(first.Access, second.Access);
        Assert.Equal(first.Findings.Select(static f => f.Title), second.Findings.Select(static f => f.Title));
        var data = Assert.Single(second.Findings, static f => f.Category == FindingCategory.DataExfiltration);
        Assert.All(data.Evidence, static e => Assert.Equal(("arn:aws:iam::123456789012:role/second", "wide-b", "Everything"), (e.Principal, e.Policy, e.Sid)));
        Assert.Equal(["arn:aws:iam::123456789012:role/second"], data.Path.ToArray());
        Assert.All(first.Findings.SelectMany(static f => f.Evidence), static e => Assert.Equal("wide-a", e.Policy));
    }

    [Fact]
    public void Analyze_ResultsOfAnotherTime_AreNotReused()
    {
        // Arrange: a grant that ended with 2024; results worked out in 2024 must not answer for 2026.
        const string untilEnd2024 = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2025-01-01T00:00:00Z"}}}]}""";
        var state = LabAudit.State($$"""{"UserDetailList":[],"GroupDetailList":[],"Policies":[],"RoleDetailList":[{{Role("reader", "read", untilEnd2024)}}]}""");
        var in2024 = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var shared = new AccessResults(in2024);
        _ = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(in2024), shared);

        // Act
        var in2026 = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(LabAudit.AsOf.AddYears(1)), shared);
        var again2024 = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(in2024), shared);

        // Assert
        Assert.Equal(0, Assert.Single(in2026.Principals).Access.Actions);
        Assert.Equal(1, Assert.Single(again2024.Principals).Access.Actions);
    }

    [Fact]
    public void Analyze_GeneratedAccountWithSharedResults_SameAsAlone()
    {
        // Arrange
        var state = LabAudit.State(TestSupport.Accounts.GeneratedAccount.Json(300));
        var shared = new AccessResults(LabAudit.AsOf);
        _ = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(LabAudit.AsOf), shared);

        // Act
        var reused = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(LabAudit.AsOf), shared);
        var alone = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(LabAudit.AsOf));

        // Assert
        Assert.Equal(Lines(alone), Lines(reused));
    }

    private static string[] Lines(AccountRisks audit)
        => [.. audit.Principals.SelectMany(static p => p.Findings.Select(f => $"{p.Arn}|{p.Access}|{f.Severity}|{f.Title}|{string.Join(',', f.Evidence.Select(static e => $"{e.Principal}/{e.Policy}/{e.Sid}"))}"))];
}
