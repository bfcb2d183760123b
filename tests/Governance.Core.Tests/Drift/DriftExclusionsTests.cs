using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Exclusions;
using Governance.Core.Reports;
using Governance.Core.Risk;
using static Governance.Core.Tests.Drift.DriftTestAccount;

namespace Governance.Core.Tests.Drift;

public sealed class DriftExclusionsTests
{
    private const string Shadow = "arn:aws:iam::111122223333:role/shadow-admin";
    private static readonly string Admin = Policy("*", "*");

    private static DriftReport FirstAudit()
        => DriftAudit.Run(Guid.NewGuid(), Desired(Role("analyst", ("read-lake", ReadLake))),
            State(AccountRole("analyst", ("read-lake", ReadLake)), AccountRole("shadow-admin", ("admin", Admin))), Now, previous: null);

    private static ExclusionSet Set(params (ExclusionMatch Match, DateOnly Expires)[] entries)
        => new("exclusions.json", [.. entries.Select(static (e, i) => new Exclusion(e.Match, "break-glass role", "alice@example.com", e.Expires, "exclusions.json", 3 + 6 * i, 5))]);

    [Fact]
    public void Apply_NewRiskMatchedByItsRiskCategory_MovesToExcludedWithItsExclusion()
    {
        // Arrange
        var report = FirstAudit();
        var exclusions = Set((new ExclusionMatch("AdminEquivalent", "shadow-admin", null, null, null), new DateOnly(2027, 1, 31)));

        // Act
        var applied = DriftExclusions.Apply(report, exclusions, Now);

        // Assert
        Assert.DoesNotContain(applied.Findings, static f => f is { Kind: DriftKind.NewRisk, Principal: Shadow });
        Assert.Contains(applied.Findings, static f => f is { Kind: DriftKind.UnmanagedPrincipal, Principal: Shadow });
        var excluded = Assert.Single(applied.Excluded);
        Assert.Equal((DriftKind.NewRisk, Shadow, "alice@example.com"), (excluded.Finding.Kind, excluded.Finding.Principal, excluded.By.ApprovedBy));
        Assert.Empty(applied.ExclusionWarnings);
        Assert.Equal(report.Baseline, applied.Baseline);
    }

    [Fact]
    public void Apply_ExpiredExclusion_ExcludesNothingAndIsAWarning()
    {
        // Arrange
        var report = FirstAudit();
        var exclusions = Set((new ExclusionMatch("AdminEquivalent", null, null, null, null), new DateOnly(2026, 11, 24)));

        // Act
        var applied = DriftExclusions.Apply(report, exclusions, Now);

        // Assert
        Assert.Equal<DriftFinding>(report.Findings, applied.Findings);
        Assert.Empty(applied.Excluded);
        Assert.Equal(ExclusionWarningKind.Expired, Assert.Single(applied.ExclusionWarnings).Kind);
    }

    [Fact]
    public void Apply_FingerprintFromTheRiskAudit_ExcludesTheSameRiskInDrift()
    {
        // Arrange: the fingerprint `iamgov audit --output json` prints for shadow-admin's admin finding
        var state = State(AccountRole("analyst", ("read-lake", ReadLake)), AccountRole("shadow-admin", ("admin", Admin)));
        var audit = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(Now));
        var admin = audit.Principals.Single(static p => p.Arn == Shadow).Findings.Single(static f => f.Category == FindingCategory.AdminEquivalent);
        var exclusions = Set((new ExclusionMatch(null, null, null, null, RiskExclusions.FingerprintOf(Shadow, admin)), new DateOnly(2027, 1, 31)));

        // Act
        var applied = DriftExclusions.Apply(FirstAudit(), exclusions, Now);
        var audited = RiskExclusions.Apply(audit, exclusions, Now);

        // Assert
        Assert.Equal(DriftKind.NewRisk, Assert.Single(applied.Excluded).Finding.Kind);
        Assert.Equal(admin, Assert.Single(audited.Excluded).Finding);
        Assert.DoesNotContain(audited.Findings, f => f == admin);
    }

    [Fact]
    public void Apply_JsonRoundTrip_KeepsExcludedAndWarnings()
    {
        // Arrange
        var applied = DriftExclusions.Apply(FirstAudit(),
            Set((new ExclusionMatch("AdminEquivalent", null, null, null, null), new DateOnly(2027, 1, 31)),
                (new ExclusionMatch("KeyDelegation", null, null, null, null), new DateOnly(2027, 1, 31))), Now);

        // Act
        var read = DriftReportJson.Read(DriftReportJson.Write(applied), "report.json");

        // Assert
        Assert.True(read.Success, read.Error?.Detail);
        // The risk a NewRisk reports is not written (a finding's JSON is its four fields): compared without it.
        Assert.Equal<ExcludedDriftFinding>(applied.Excluded.Select(static e => e with { Finding = e.Finding with { Risk = null } }), read.Value.Excluded);
        Assert.Equal<ExclusionWarning>(applied.ExclusionWarnings, read.Value.ExclusionWarnings);
        Assert.Equal<DriftFinding>(applied.Findings.Select(static f => f with { Risk = null }), read.Value.Findings);
    }

    [Fact]
    public void Read_ReportWrittenBeforeExclusions_ReadsWithNoneExcluded()
    {
        // Arrange: the JSON of a report as this version writes it, without the fields exclusions added
        var json = System.Text.Json.Nodes.JsonNode.Parse(DriftReportJson.Write(FirstAudit()))!.AsObject();
        json.Remove("excluded");
        json.Remove("exclusionWarnings");

        // Act
        var read = DriftReportJson.Read(json.ToJsonString(), "old.json");

        // Assert
        Assert.True(read.Success, read.Error?.Detail);
        Assert.Empty(read.Value.Excluded);
        Assert.Empty(read.Value.ExclusionWarnings);
        Assert.Contains(read.Value.Findings, static f => f is { Kind: DriftKind.NewRisk, Principal: Shadow });
    }

    [Fact]
    public void Render_TextAndMarkdown_ListExcludedApartWithReasonApproverAndExpiry()
    {
        // Arrange
        var applied = DriftExclusions.Apply(FirstAudit(), Set((new ExclusionMatch("AdminEquivalent", null, null, null, null), new DateOnly(2027, 1, 31))), Now);

        // Act
        var text = ReportRenderer.Render(applied, ReportFormat.Text, []);
        var markdown = ReportRenderer.Render(applied, ReportFormat.Markdown, []);

        // Assert
        var section = text[text.IndexOf("Excluded (1 finding)", StringComparison.Ordinal)..];
        Assert.Contains("accepted by alice@example.com until 2027-01-31: break-glass role (exclusions.json:3:5)", section, StringComparison.Ordinal);
        Assert.Contains($"Critical NewRisk            {Shadow}", section, StringComparison.Ordinal);
        Assert.Contains("## Excluded (1 finding)", markdown, StringComparison.Ordinal);
        Assert.Contains($"| Critical | NewRisk | `{Shadow}` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| break-glass role | alice@example.com | 2027-01-31 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderHtml_Excluded_ACardWithReasonApproverAndExpiry()
    {
        // Arrange
        var applied = DriftExclusions.Apply(FirstAudit(), Set((new ExclusionMatch("AdminEquivalent", null, null, null, null), new DateOnly(2027, 1, 31))), Now);

        // Act
        var html = ReportRenderer.Render(applied, ReportFormat.Html, []);

        // Assert
        var card = html.IndexOf("id=\"excluded\"", StringComparison.Ordinal);
        Assert.True(card > 0, "the report has an Excluded card");
        var excluded = html[card..html.IndexOf("</section>", card, StringComparison.Ordinal)];
        Assert.Contains("Excluded (1 finding)", excluded, StringComparison.Ordinal);
        Assert.Contains("<td>NewRisk</td>", excluded, StringComparison.Ordinal);
        Assert.Contains(Shadow, excluded, StringComparison.Ordinal);
        Assert.Contains("<td>alice@example.com</td><td>2027-01-31</td>", excluded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DriftKind.NewRisk, "new detail", RiskSeverity.Low, true)]
    [InlineData(DriftKind.PolicyDrift, "same detail", RiskSeverity.High, false)]
    [InlineData(DriftKind.PolicyDrift, "same detail", RiskSeverity.Medium, false)]
    [InlineData(DriftKind.PolicyDrift, "same detail", RiskSeverity.Critical, true)]
    [InlineData(DriftKind.PolicyDrift, "drifted further", RiskSeverity.High, true)]
    [InlineData(DriftKind.MissingPrincipal, "same detail", RiskSeverity.High, true)]
    public void IsNew_AgainstAPreviousReport_ComparesKindPrincipalDetailAndSeverity(DriftKind kind, string detail, RiskSeverity severity, bool expected)
    {
        // Arrange
        var previous = FirstAudit() with { Findings = [new DriftFinding(DriftKind.PolicyDrift, Analyst, RiskSeverity.High, "same detail")] };

        // Act
        var isNew = DriftFindingsSince.IsNew(new DriftFinding(kind, Analyst, severity, detail), previous);

        // Assert
        Assert.Equal(expected, isNew);
    }
}
