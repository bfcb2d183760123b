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

        // Assert: the same stylesheet up to the severity classes, the same legend, one script (the search) and nothing from elsewhere
        var shared = pages.Select(static p => p[p.IndexOf(":root{", StringComparison.Ordinal)..p.IndexOf('}', p.IndexOf(".Low{background:", StringComparison.Ordinal))]).ToList();
        Assert.Equal(shared[0], shared[1]);
        foreach (var page in pages)
        {
            Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
            Assert.Contains("<div class=\"stats\">", page, StringComparison.Ordinal);
            Assert.Contains("<ul class=\"legend\" aria-label=\"Legend\"><li><i style=\"background:#9f1239\"></i>Critical</li><li><i style=\"background:#c2410c\"></i>High</li>", page, StringComparison.Ordinal);
            Assert.Contains("<form class=\"filters\" method=\"dialog\" role=\"search\"", page, StringComparison.Ordinal);
            Assert.Equal(1, CountOf(page, "<script"));
            Assert.DoesNotContain("http://", page, StringComparison.Ordinal);
            Assert.DoesNotContain(" src=", page, StringComparison.Ordinal);
            Assert.EndsWith("</main><script>" + ReportScript.Text + "</script></body></html>\n", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Close_NoFilters_CarriesNoScript()
    {
        // Arrange
        var page = new HtmlReport("t", "h", [], css: string.Empty);

        // Act
        var html = page.Close();

        // Assert
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.EndsWith("</main></body></html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SeverityChart_OneRow_StacksItsSeveritiesFromTheMostUrgent()
    {
        // Arrange
        var page = new HtmlReport("t", "h", [], css: string.Empty);

        // Act
        page.SeverityChart("runs", "Run", [new ChartRow("2031-03-01", static s => s switch { RiskSeverity.High => 2, RiskSeverity.Low => 1, _ => 0 })]);
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

    [Fact]
    public void SeverityChart_Rows_HaveAnAxisOfFindingsALegendAndADataTable()
    {
        // Arrange
        var page = new HtmlReport("t", "h", [], css: string.Empty);

        // Act
        page.SeverityChart("Findings per run", "Run (UTC date)",
        [
            new ChartRow("2031-03-01", static s => s == RiskSeverity.Critical ? 4 : 0),
            new ChartRow("2031-03-02", static s => s switch { RiskSeverity.Critical => 5, RiskSeverity.Medium => 6, _ => 0 }),
        ]);
        var html = page.Close();

        // Assert: ticks 0, 5, 10, 15 under the longest bar (11), both axes named, and the numbers in a table
        foreach (var tick in new[] { ">0</text>", ">5</text>", ">10</text>", ">15</text>" })
        {
            Assert.Contains(tick, html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(">20</text>", html, StringComparison.Ordinal);
        Assert.Contains(">Number of findings</text>", html, StringComparison.Ordinal);
        Assert.Contains(">Run (UTC date)</text>", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption id=\"chart-", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">2031-03-02</th><td>5</td><td>0</td><td>6</td><td>0</td><td>11</td></tr>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(3, 1, 3)]
    [InlineData(7, 2, 8)]
    [InlineData(15, 5, 15)]
    [InlineData(260, 100, 300)]
    public void Axis_LongestBar_StepsOfOneTwoOrFiveTimesAPowerOfTen(int longest, int step, int max)
    {
        // Act
        var axis = HtmlReport.Axis(longest);

        // Assert
        Assert.Equal((step, max), axis);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
