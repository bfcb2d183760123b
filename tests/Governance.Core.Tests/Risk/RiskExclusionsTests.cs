using System.Text.Json;
using Governance.Core.Exclusions;
using Governance.Core.Reports;
using Governance.Core.Risk;
using static Governance.Core.Tests.Drift.DriftTestAccount;

namespace Governance.Core.Tests.Risk;

public sealed class RiskExclusionsTests
{
    private const string Shadow = "arn:aws:iam::111122223333:role/shadow-admin";

    private static AccountRisks Audit()
        => AccountAnalyzer.Analyze(State(AccountRole("analyst", ("read-lake", ReadLake)), AccountRole("shadow-admin", ("admin", Policy("*", "*")))),
            new RiskAnalysisOptions(Now));

    private static ExclusionSet Set(ExclusionMatch match, DateOnly expires)
        => new("policies/exclusions.json", [new Exclusion(match, "break-glass role", "alice@example.com", expires, "policies/exclusions.json", 6, 5)]);

    [Fact]
    public void Apply_MatchingEntry_TakesTheFindingOutOfTotalsAndListsItApart()
    {
        // Arrange
        var audit = Audit();
        var before = audit.Findings.Count(static f => f.Category == FindingCategory.AdminEquivalent);

        // Act
        var applied = RiskExclusions.Apply(audit, Set(new ExclusionMatch("AdminEquivalent", null, "111122223333", null, null), new DateOnly(2027, 1, 31)), Now);

        // Assert
        Assert.Equal(1, before);
        Assert.DoesNotContain(applied.Findings, static f => f.Category == FindingCategory.AdminEquivalent);
        Assert.DoesNotContain(applied.Totals.Keys, static k => k.Category == FindingCategory.AdminEquivalent);
        var excluded = Assert.Single(applied.Excluded);
        Assert.Equal((Shadow, FindingCategory.AdminEquivalent), (excluded.Subject, excluded.Finding.Category));
        Assert.Equal(audit.Findings.Count() - 1, applied.Findings.Count());
    }

    [Fact]
    public void Apply_ExpiredEntry_KeepsTheFindingAndWarns()
    {
        // Act
        var applied = RiskExclusions.Apply(Audit(), Set(new ExclusionMatch("AdminEquivalent", null, null, null, null), new DateOnly(2026, 11, 24)), Now);

        // Assert
        Assert.Contains(applied.Findings, static f => f.Category == FindingCategory.AdminEquivalent);
        Assert.Empty(applied.Excluded);
        Assert.StartsWith("policies/exclusions.json:6:5: exclusion (rule `AdminEquivalent`) expired on 2026-11-24",
            Assert.Single(applied.ExclusionWarnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderJson_Excluded_IsASeparateArrayAndEveryFindingHasAFingerprint()
    {
        // Arrange
        var applied = RiskExclusions.Apply(Audit(), Set(new ExclusionMatch("AdminEquivalent", null, null, null, null), new DateOnly(2027, 1, 31)), Now);

        // Act
        using var json = JsonDocument.Parse(ReportRenderer.Render(applied, ReportFormat.Json));

        // Assert
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("totals").GetProperty("byCategory").GetProperty("AdminEquivalent").GetInt32());
        var excluded = Assert.Single(root.GetProperty("excluded").EnumerateArray());
        Assert.Equal(Shadow, excluded.GetProperty("subject").GetString());
        Assert.Equal("AdminEquivalent", excluded.GetProperty("finding").GetProperty("category").GetString());
        var by = excluded.GetProperty("by");
        Assert.Equal(("break-glass role", "alice@example.com", "2027-01-31", "AdminEquivalent"),
            (by.GetProperty("reason").GetString(), by.GetProperty("approvedBy").GetString(), by.GetProperty("expires").GetString(),
             by.GetProperty("finding").GetProperty("rule").GetString()));
        Assert.Empty(root.GetProperty("exclusionWarnings").EnumerateArray());
        var fingerprints = root.GetProperty("principals").EnumerateArray().SelectMany(static p => p.GetProperty("findings").EnumerateArray())
            .Append(excluded.GetProperty("finding"))
            .Select(static f => f.GetProperty("fingerprint").GetString()!).ToList();
        Assert.Equal(applied.Findings.Count() + 1, fingerprints.Count);
        Assert.All(fingerprints, static f => Assert.Matches("^[0-9a-f]{16}$", f));
    }

    [Fact]
    public void RenderTextAndMarkdown_Excluded_ListedApartWithReasonApproverAndExpiry()
    {
        // Arrange
        var applied = RiskExclusions.Apply(Audit(), Set(new ExclusionMatch("AdminEquivalent", null, null, null, null), new DateOnly(2027, 1, 31)), Now);

        // Act
        var text = ReportRenderer.Render(applied, ReportFormat.Text);
        var markdown = ReportRenderer.Render(applied, ReportFormat.Markdown);

        // Assert
        var section = text[text.IndexOf("Excluded (1 finding)", StringComparison.Ordinal)..];
        Assert.Contains("[Critical] AdminEquivalent", section, StringComparison.Ordinal);
        Assert.Contains("accepted by alice@example.com until 2027-01-31: break-glass role (policies/exclusions.json:6:5)", section, StringComparison.Ordinal);
        Assert.DoesNotContain("AdminEquivalent", text[..text.IndexOf("Excluded (1 finding)", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("## Excluded (1 finding)", markdown, StringComparison.Ordinal);
        Assert.Contains($"| Critical | AdminEquivalent | `{Shadow}` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| break-glass role | alice@example.com | 2027-01-31 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderHtml_Excluded_ACardAfterTheFindingsWithReasonApproverAndExpiry()
    {
        // Arrange
        var applied = RiskExclusions.Apply(Audit(), Set(new ExclusionMatch("AdminEquivalent", null, null, null, null), new DateOnly(2027, 1, 31)), Now);

        // Act
        var html = ReportRenderer.Render(applied, ReportFormat.Html);

        // Assert
        var card = html.IndexOf("id=\"excluded\"", StringComparison.Ordinal);
        Assert.True(card > 0, "the report has an Excluded card");
        var excluded = html[card..html.IndexOf("</section>", card, StringComparison.Ordinal)];
        Assert.Contains("Excluded (1 finding)", excluded, StringComparison.Ordinal);
        Assert.Contains(Shadow, excluded, StringComparison.Ordinal);
        Assert.Contains("<td>alice@example.com</td><td>2027-01-31</td>", excluded, StringComparison.Ordinal);
        Assert.Contains("break-glass role <span class=\"arn\">(policies/exclusions.json:6:5)</span>", excluded, StringComparison.Ordinal);
        // The finding left the open findings: no finding article names the shadow admin any more.
        Assert.DoesNotContain("shadow-admin</span></h3>", html[..card], StringComparison.Ordinal);
    }

    [Fact]
    public void RenderHtml_NoExclusions_HasNoExcludedCard()
        => Assert.DoesNotContain("id=\"excluded\"", ReportRenderer.Render(Audit(), ReportFormat.Html), StringComparison.Ordinal);

    [Fact]
    public void Render_NoExclusions_WritesNoExcludedSectionAndEmptyArrays()
    {
        // Act
        var text = ReportRenderer.Render(Audit(), ReportFormat.Text);
        using var json = JsonDocument.Parse(ReportRenderer.Render(Audit(), ReportFormat.Json));

        // Assert
        Assert.DoesNotContain("Excluded", text, StringComparison.Ordinal);
        Assert.Equal(0, json.RootElement.GetProperty("excluded").GetArrayLength());
    }
}
