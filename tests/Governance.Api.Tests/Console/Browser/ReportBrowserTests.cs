using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Drift.Records;
using Governance.Core.Reports;
using Governance.Core.Risk;
using Microsoft.Playwright;
using TestSupport.Files;
using TestSupport.Reports;

namespace Governance.Api.Tests.Console.Browser;

/// <summary>
/// The HTML reports as a reviewer triages with them: the demo organisation's risk audit opened from disk, as
/// <c>iamgov audit --format html</c> writes it, and a drift report served by the console under the reports' CSP; filtered
/// with scripts on and off, searched, printed, checked with axe-core and kept as screenshots.
/// </summary>
public sealed class ReportBrowserTests(BrowserApiFixture fixture) : IClassFixture<BrowserApiFixture>
{
    private const string Visible = "article.f-row:visible";

    [SkippableFact]
    public async Task RiskReport_OpenedFromDisk_FiltersBySeverityAndAccountSearchesAndPrintsWithoutItsControls()
    {
        Skip.If(fixture.BrowserUnavailableReason is not null, fixture.BrowserUnavailableReason);
        var audit = DemoReports.RiskAudit;
        var findings = audit.Findings.ToList();
        var critical = findings.Count(static f => f.Severity == RiskSeverity.Critical);
        var account = audit.Principals.Where(static p => !p.Findings.IsEmpty).GroupBy(static p => p.AccountId).OrderByDescending(static g => g.Count()).First();
        var inAccount = account.Sum(static p => p.Findings.Length) + audit.Resources.Where(r => r.AccountId == account.Key).Sum(static r => r.Findings.Length);
        Assert.True(critical > 0 && critical < findings.Count, "the demo organisation has critical findings and others");
        using var folder = TempFolder.Create();
        var file = Path.Combine(folder.Path, "report-risk.html");
        await File.WriteAllTextAsync(file, RiskReportHtml.Render(audit));

        // Scripts on: a severity hides the other rows, an account keeps its own, the search narrows, Clear brings all back.
        await using var reviewer = await BrowserPerson.OpenAsync(fixture);
        var page = reviewer.Page;
        await BrowserPerson.ExplainFailureAsync("report-risk", async () =>
        {
            await page.GotoAsync(new Uri(file).AbsoluteUri);
            await Assertions.Expect(page.Locator(Visible)).ToHaveCountAsync(findings.Count);
            await page.Locator("fieldset.buttons label", new() { HasTextString = "Critical" }).ClickAsync();
            await Assertions.Expect(page.Locator(Visible)).ToHaveCountAsync(critical);
            await Assertions.Expect(page.Locator("article.f-row:visible:not(.sev-Critical)")).ToHaveCountAsync(0);
            await page.Locator("fieldset.buttons label", new() { HasTextString = "All" }).ClickAsync();
            await page.Locator("#f-acct").SelectOptionAsync(new SelectOptionValue { Label = account.Key });
            await Assertions.Expect(page.Locator(Visible)).ToHaveCountAsync(inAccount);
            await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
            await Assertions.Expect(page.Locator(Visible)).ToHaveCountAsync(findings.Count);

            const string term = "sts:AssumeRole";
            var expected = findings.Count(f => f.Actions.Contains(term) || f.Title.Contains(term, StringComparison.Ordinal));
            await page.GetByLabel("Search").FillAsync(term);
            var shown = await page.Locator(Visible).CountAsync();
            Assert.InRange(shown, Math.Max(1, expected), findings.Count - 1);
            Assert.All(await page.Locator(Visible).AllTextContentsAsync(), static text => Assert.Contains(term, text, StringComparison.OrdinalIgnoreCase));
            await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
            await Assertions.Expect(page.Locator(Visible)).ToHaveCountAsync(findings.Count);

            // Each finding shows the statement behind it, marked, and the AWS page that explains the risk.
            await Assertions.Expect(page.Locator("article.f-row").First.Locator("pre.policy mark").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("article.f-row").First.GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https://docs\\.aws\\.amazon\\.com/"));
            await reviewer.RecordAsync("report-risk");

            // Printed, the page keeps its findings and drops the controls.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(page.Locator("form.filters")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator(Visible)).ToHaveCountAsync(findings.Count);
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
        }, reviewer);

        // Scripts off: no search box to mislead, and the filters still work.
        await using var noScript = await BrowserPerson.OpenAsync(fixture, javaScript: false);
        await BrowserPerson.ExplainFailureAsync("report-risk-noscript", async () =>
        {
            await noScript.Page.GotoAsync(new Uri(file).AbsoluteUri);
            await Assertions.Expect(noScript.Page.Locator("#f-search")).ToBeHiddenAsync();
            await noScript.Page.Locator("fieldset.buttons label", new() { HasTextString = "Critical" }).ClickAsync();
            await Assertions.Expect(noScript.Page.Locator(Visible)).ToHaveCountAsync(critical);
            await noScript.Page.Locator("#f-acct").SelectOptionAsync(new SelectOptionValue { Label = account.Key });
            var both = audit.Principals.Where(p => p.AccountId == account.Key).Sum(static p => p.Findings.Count(static f => f.Severity == RiskSeverity.Critical))
                + audit.Resources.Where(r => r.AccountId == account.Key).Sum(static r => r.Findings.Count(static f => f.Severity == RiskSeverity.Critical));
            await Assertions.Expect(noScript.Page.Locator(Visible)).ToHaveCountAsync(both);
            await Screenshots.TakeAsync(noScript.Page, "report-risk.noscript");
        }, noScript);
    }

    [SkippableFact]
    public async Task DriftReport_ServedByTheConsole_ItsSearchRunsUnderTheReportsCspAndItsFiltersWithout()
    {
        Skip.If(fixture.BrowserUnavailableReason is not null, fixture.BrowserUnavailableReason);
        var report = DemoReports.Drift;
        await using (var db = fixture.Database.CreateContext())
        {
            var repository = new DriftReportRepository(db);
            foreach (var earlier in DemoReports.DriftHistory)
            {
                await repository.AddAsync(Run(earlier), CancellationToken.None);
            }
            await repository.AddAsync(report, CancellationToken.None);
        }
        var high = report.Findings.Count(static f => f.Severity == RiskSeverity.High);
        Assert.True(high > 0 && high < report.Findings.Length, "the demo drift has high findings and others");
        const string rows = "tr.f-row:visible";

        // Scripts on, under the console's report policy: the search box appears (its script ran) and narrows the rows.
        await using var approver = await BrowserPerson.OpenAsync(fixture);
        var refused = new List<string>();
        approver.Page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        await BrowserPerson.ExplainFailureAsync("report-drift", async () =>
        {
            await approver.SignInAsync(TestUsers.New("rita"), "approver");
            await approver.Page.GotoAsync($"/audit/reports/{report.Id}");
            await Assertions.Expect(approver.Page.Locator(rows)).ToHaveCountAsync(report.Findings.Length);
            await Assertions.Expect(approver.Page.GetByLabel("Search")).ToBeVisibleAsync();
            await approver.Page.GetByLabel("Search").FillAsync("platform-admin");
            var shown = await approver.Page.Locator(rows).CountAsync();
            Assert.InRange(shown, 1, report.Findings.Length - 1);
            Assert.All(await approver.Page.Locator(rows).AllTextContentsAsync(), static text => Assert.Contains("platform-admin", text, StringComparison.Ordinal));
            await approver.Page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
            await approver.Page.Locator("fieldset.buttons label", new() { HasTextString = "High" }).ClickAsync();
            await Assertions.Expect(approver.Page.Locator(rows)).ToHaveCountAsync(high);
            await approver.Page.Locator("fieldset.buttons label", new() { HasTextString = "All" }).ClickAsync();
            // The chart has its axis, its legend and its numbers as a table; details in backticks are code.
            await Assertions.Expect(approver.Page.Locator("svg text", new() { HasTextString = "Number of findings" })).ToHaveCountAsync(1);
            await Assertions.Expect(approver.Page.Locator("ul.legend li")).ToHaveCountAsync(4);
            await Assertions.Expect(approver.Page.Locator("figure table tbody tr")).ToHaveCountAsync(DemoReports.DriftHistory.Count + 1);
            await Assertions.Expect(approver.Page.Locator("tr.f-row td code").First).ToBeAttachedAsync();
            await approver.RecordAsync("report-drift");
        }, approver);
        Assert.Empty(refused);

        // Scripts off, from disk as iamgov drift writes it: no search box, and a severity still filters.
        using var folder = TempFolder.Create();
        var file = Path.Combine(folder.Path, "report-drift.html");
        await File.WriteAllTextAsync(file, DriftReportHtml.Render(report, DemoReports.DriftHistory));
        await using var noScript = await BrowserPerson.OpenAsync(fixture, javaScript: false);
        await BrowserPerson.ExplainFailureAsync("report-drift-noscript", async () =>
        {
            await noScript.Page.GotoAsync(new Uri(file).AbsoluteUri);
            await Assertions.Expect(noScript.Page.Locator("#f-search")).ToBeHiddenAsync();
            await noScript.Page.Locator("fieldset.buttons label", new() { HasTextString = "High" }).ClickAsync();
            await Assertions.Expect(noScript.Page.Locator(rows)).ToHaveCountAsync(high);
            await Screenshots.TakeAsync(noScript.Page, "report-drift.noscript");
        }, noScript);
    }

    /// <summary>An earlier nightly run with the numbers of <paramref name="summary"/>, for the chart's history.</summary>
    private static DriftReport Run(DriftReportSummary summary)
    {
        var findings = Enum.GetValues<RiskSeverity>()
            .SelectMany(s => Enumerable.Range(0, summary.Count(s)).Select(i => new DriftFinding(DriftKind.PolicyDrift, $"arn:aws:iam::111122223333:role/r{i}", s, "earlier run")))
            .ToList();
        return new DriftReport(summary.Id, summary.RanAt, [.. findings], null, [], DriftBaseline.Empty);
    }
}
