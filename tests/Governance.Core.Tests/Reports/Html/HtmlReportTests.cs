using Governance.Core.Drift;
using Governance.Core.Reports;
using Governance.Core.Reports.Html;
using Governance.Core.Risk;
using Governance.Core.Tests.Risk;
using static Governance.Core.Tests.Drift.DriftTestAccount;

namespace Governance.Core.Tests.Reports.Html;

public sealed class HtmlReportTests
{
    [Fact]
    public void RiskAndDriftReports_ShareOneHeadStyleAndPalette()
    {
        // Arrange
        var drift = DriftAudit.Run(Guid.NewGuid(), Desired(), State(AccountRole("shadow", ("admin", Policy("*", "*")))), Now, previous: null);

        // Act
        var pages = new[] { RiskReportHtml.Render(LabAudit.Result), DriftReportHtml.Render(drift, []) };

        // Assert: the same CSS up to the severity classes, the same legend, and nothing from elsewhere
        var shared = pages.Select(static p => p[p.IndexOf(":root{", StringComparison.Ordinal)..p.IndexOf('}', p.IndexOf(".Low{background:", StringComparison.Ordinal))]).ToList();
        Assert.Equal(shared[0], shared[1]);
        foreach (var page in pages)
        {
            Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
            Assert.Contains("<div class=\"stats\">", page, StringComparison.Ordinal);
            Assert.Contains("<div class=\"legend\"><span><i style=\"background:#9f1239\"></i>Critical</span><span><i style=\"background:#c2410c\"></i>High</span>", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http://", page, StringComparison.Ordinal);
            Assert.EndsWith("</main></body></html>\n", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SeverityChart_OneRow_StacksItsSeveritiesFromTheMostUrgent()
    {
        // Arrange
        var page = new HtmlReport("t", "h", [], css: string.Empty);

        // Act
        page.SeverityChart("runs", [new ChartRow("2031-03-01", static s => s switch { RiskSeverity.High => 2, RiskSeverity.Low => 1, _ => 0 })]);
        var html = page.Close();

        // Assert
        var high = html.IndexOf("<title>2031-03-01: 2 High</title>", StringComparison.Ordinal);
        var low = html.IndexOf("<title>2031-03-01: 1 Low</title>", StringComparison.Ordinal);
        Assert.True(high >= 0 && low > high, html);
        Assert.DoesNotContain(": 0 ", html, StringComparison.Ordinal);
        Assert.Contains("font-weight=\"600\" fill=\"#0f172a\">3</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SeverityPalette_EverySeverity_IsListedOnceWithItsOwnColour()
    {
        // Act
        var colours = SeverityPalette.Order.Select(SeverityPalette.Colour).ToList();

        // Assert
        Assert.Equal(Enum.GetValues<RiskSeverity>().OrderDescending(), SeverityPalette.Order);
        Assert.Equal(colours.Count, colours.Distinct(StringComparer.Ordinal).Count());
    }
}
