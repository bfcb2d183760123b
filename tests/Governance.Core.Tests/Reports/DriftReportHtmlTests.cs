using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Reports;
using Governance.Core.Risk;
using TestSupport.Reports;
using static Governance.Core.Tests.Drift.DriftTestAccount;

namespace Governance.Core.Tests.Reports;

public sealed class DriftReportHtmlTests
{
    [Fact]
    public void Render_FirstAudit_FindingsWithSeverityPillsAndNoDeltaSection()
    {
        // Arrange
        var report = DriftAudit.Run(Guid.NewGuid(), Desired(), State(AccountRole("shadow", ("admin", Policy("*", "*")))), Now, previous: null);

        // Act
        var html = DriftReportHtml.Render(report, []);

        // Assert
        Assert.Contains("<h1>Drift audit 2026-11-25 03:00 UTC</h1>", html, StringComparison.Ordinal);
        Assert.Contains("First audit: no previous report", html, StringComparison.Ordinal);
        Assert.Matches("<tr class=\"f-row\" data-f-sev=\"t0\" data-f-kind=\"t\\d\" data-f-who=\"t0\" data-f-acct=\"t0\"><td><span class=\"pill Critical\">Critical</span></td><td>NewRisk</td><td><code>arn:aws:iam::111122223333:role/shadow</code></td>", html);
        Assert.Contains("<option id=\"f-acct-0\">111122223333</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Access delta", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AccessChangedSincePrevious_ChartsBothRunsAndListsTheDelta()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var previous = DriftAudit.Run(Guid.NewGuid(), desired, State(AccountRole("analyst", ("read-lake", ReadLake))), Now.AddDays(-1), previous: null);
        var widened = State(AccountRole("analyst", ("read-lake", ReadLake), ("clean", Policy("s3:DeleteObject", "arn:aws:s3:::lake/*"))));
        var report = DriftAudit.Run(Guid.NewGuid(), desired, widened, Now, previous);

        // Act
        var html = DriftReportHtml.Render(report, [DriftReportSummary.Of(previous)]);

        // Assert
        Assert.Contains(">2026-11-24</text>", html, StringComparison.Ordinal);
        Assert.Contains(">2026-11-25</text>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Access delta since the previous audit</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"<tr><td><code>{Analyst}</code> (changed)</td><td>Added</td><td><code>s3:DeleteObject</code></td><td>Write</td><td><code>arn:aws:s3:::lake/*</code></td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_GuardrailFindings_OwnCardAndNotCountedAsPrincipals()
    {
        // Arrange
        var report = new DriftReport(Guid.NewGuid(), Now,
            [new DriftFinding(DriftKind.GuardrailAttachmentDrift, "scp/protect-lake-buckets", RiskSeverity.High, "SCP `protect-lake-buckets` is attached differently from code")],
            null, [], DriftBaseline.Empty);

        // Act
        var html = DriftReportHtml.Render(report, []);

        // Assert
        Assert.Contains("<h2>Organisation guardrails (SCPs and RCPs)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td><span class=\"pill High\">High</span></td><td>GuardrailAttachmentDrift</td><td><code>scp/protect-lake-buckets</code></td><td>SCP <code>protect-lake-buckets</code> is attached differently from code</td>", html, StringComparison.Ordinal);
        Assert.Contains("<option id=\"f-acct-0\">organisation</option>", html, StringComparison.Ordinal);
        Assert.Contains("The account matches the roles kept as code.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DetailsInBackticks_ShowCodeNotBackticks()
    {
        // Arrange
        var report = new DriftReport(Guid.NewGuid(), Now,
            [new DriftFinding(DriftKind.PolicyDrift, "arn:aws:iam::111122223333:role/analyst", RiskSeverity.Low, "tags differ from code: `team` (`data <lake>` in code) is missing")],
            null, [], DriftBaseline.Empty);

        // Act
        var html = DriftReportHtml.Render(report, []);

        // Assert
        Assert.Contains("<td>tags differ from code: <code>team</code> (<code>data &lt;lake&gt;</code> in code) is missing</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("`", html[html.IndexOf("<main>", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithHistory_ChartsEachRunOnAnAxisWithItsTable()
    {
        // Arrange
        var report = DemoReports.Drift;

        // Act
        var html = DriftReportHtml.Render(report, DemoReports.DriftHistory);

        // Assert: five runs, oldest first, each a row of the chart's table
        Assert.Contains("Findings by severity in the last 5 runs", html, StringComparison.Ordinal);
        Assert.Contains(">Number of findings</text>", html, StringComparison.Ordinal);
        var rows = DemoReports.DriftHistory.Select(static r => r.RanAt).Append(report.RanAt)
            .Select(t => html.IndexOf($"<tr><th scope=\"row\">{t.UtcDateTime:yyyy-MM-dd}</th>", StringComparison.Ordinal)).ToList();
        Assert.All(rows, static i => Assert.True(i > 0));
        Assert.Equal(rows.Order(), rows);
    }
}
