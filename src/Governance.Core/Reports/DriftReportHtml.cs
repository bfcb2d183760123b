using System.Collections.Immutable;
using System.Globalization;
using Governance.Core.Drift.Records;
using Governance.Core.Reports.Html;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>
/// A drift report as one self-contained HTML file: summary, findings by severity over the last runs, the findings with
/// their evidence (filterable by severity, kind, principal and account, and searchable with scripts on), the
/// organisation's guardrails that differ from code, then the access delta since the previous run. On the scaffold every
/// HTML report shares (<see cref="HtmlReport"/>).
/// </summary>
public static class DriftReportHtml
{
    private const int RunsCharted = 14;

    /// <summary>What the account filter shows for a guardrail, which belongs to the organisation rather than an account.</summary>
    private const string Organisation = "organisation";

    /// <summary>Renders <paramref name="report"/>, charting it with <paramref name="history"/> (any order; the report may be among them).</summary>
    public static string Render(DriftReport report, IEnumerable<DriftReportSummary> history)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(history);
        var runs = history.Where(r => r.RanAt <= report.RanAt && r.Id != report.Id).Append(DriftReportSummary.Of(report))
            .OrderBy(static r => r.RanAt).TakeLast(RunsCharted).ToImmutableArray();
        var filters = new ReportFilters()
            .Add("sev", "Severity", SeverityPalette.Order.Select(s => (s.ToString(), $"{s} ({report.Findings.Count(f => f.Severity == s)})")), buttons: true)
            .Add("kind", "Kind", Enum.GetValues<DriftKind>().Where(k => report.Findings.Any(f => f.Kind == k)).Select(static k => (k.ToString(), k.ToString())))
            .Add("who", "Principal or guardrail", report.Findings.Select(static f => f.Principal).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(static p => (p, HtmlReport.Encode(p))))
            .Add("acct", "Account", report.Findings.Select(Account).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(static a => (a, a)));
        var page = new HtmlReport("Drift audit", string.Create(CultureInfo.InvariantCulture, $"Drift audit {report.RanAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"),
            [InlineMarkdown.ToHtml(DriftReportSentences.Summary(report)), InlineMarkdown.ToHtml(DriftReportSentences.ComparedWith(report))], filters.Css());
        var guardrails = report.Findings.Where(static f => f.Kind.ConcernsGuardrail).ToList();
        page.Stats(
            (report.Findings.Where(static f => !f.Kind.ConcernsGuardrail).Select(static f => f.Principal).Distinct(StringComparer.Ordinal).Count(), "principals with findings"),
            (report.Findings.Count(static f => f.Severity == RiskSeverity.Critical), "critical"),
            (report.Findings.Count(static f => f.Severity == RiskSeverity.High), "high"),
            (report.Findings.Length, "findings"));
        page.OpenCard("Findings by severity, last runs");
        page.SeverityChart(runs.Length == 1 ? "Findings by severity in this run" : $"Findings by severity in the last {runs.Length} runs", "Run (UTC date)",
            [.. runs.Select(static r => new ChartRow(r.RanAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Count))]);
        page.CloseCard();
        if (!report.Findings.IsEmpty)
        {
            page.OpenCard("Filter the findings");
            page.Filters(filters, "Filter the findings");
            page.CloseCard();
        }
        AppendFindings(page, filters, report);
        AppendGuardrails(page, filters, guardrails);
        ExcludedCard.Append(page, "Principal",
            [.. report.Excluded.Select(static x => new ExcludedCard.Row(x.Finding.Severity, x.Finding.Kind.ToString(), x.Finding.Principal, x.Finding.Detail, x.By))],
            report.ExclusionWarnings);
        AppendAccessDelta(page, report);
        return page.Close();
    }

    private static void AppendFindings(HtmlReport page, ReportFilters filters, DriftReport report)
    {
        page.OpenCard("Findings");
        var findings = report.Findings.Where(static f => !f.Kind.ConcernsGuardrail).ToList();
        if (findings.Count == 0)
        {
            page.Html.Append("<p>The account matches the roles kept as code.</p>");
        }
        else
        {
            Rows(page, filters, "Findings", "principal", findings);
        }
        page.CloseCard();
    }

    /// <summary>The organisation's SCPs and RCPs that differ from <c>policies/guardrails/</c>; no card when none do.</summary>
    private static void AppendGuardrails(HtmlReport page, ReportFilters filters, List<DriftFinding> guardrails)
    {
        if (guardrails.Count == 0)
        {
            return;
        }
        page.OpenCard("Organisation guardrails (SCPs and RCPs)");
        Rows(page, filters, "Guardrail findings", "guardrail", guardrails);
        page.CloseCard();
    }

    private static void Rows(HtmlReport page, ReportFilters filters, string label, string subject, List<DriftFinding> findings)
    {
        var inv = CultureInfo.InvariantCulture;
        page.Html.Append("<div class=\"f-list\">");
        page.OpenTable(label, ["severity", "kind", subject, "evidence"]);
        foreach (var f in findings.OrderByDescending(static f => f.Severity))
        {
            var row = filters.Row(string.Empty, ("sev", f.Severity.ToString()), ("kind", f.Kind.ToString()), ("who", f.Principal), ("acct", Account(f)));
            page.Html.Append(inv, $"<tr{row}><td>{HtmlReport.Pill(f.Severity, f.Severity.ToString())}</td><td>{f.Kind}</td>")
                .Append(inv, $"<td><code>{Encode(f.Principal)}</code></td><td>{InlineMarkdown.ToHtml(f.Detail)}</td></tr>");
        }
        page.CloseTable();
        page.Html.Append("</div>").Append(ReportFilters.Count(label.ToLowerInvariant()));
    }

    private static void AppendAccessDelta(HtmlReport page, DriftReport report)
    {
        if (report.Previous is null)
        {
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        page.OpenCard("Access delta since the previous audit");
        if (report.AccessDelta.IsEmpty)
        {
            page.Html.Append("<p>No principal's access changed.</p>");
        }
        else
        {
            page.OpenTable("Access delta", ["principal", "change", "action", "access level", "resources"]);
            foreach (var principal in report.AccessDelta)
            {
                foreach (var action in principal.Actions)
                {
                    page.Html.Append(inv, $"<tr><td><code>{Encode(principal.Principal)}</code> ({DriftReportSentences.Change(principal.Change)})</td>")
                        .Append(inv, $"<td>{action.Kind}</td><td><code>{Encode(action.Action)}</code></td><td>{action.AccessLevel}</td>")
                        .Append(inv, $"<td>{string.Join("<br>", action.Resources.Select(static r => $"<code>{Encode(r)}</code>"))}</td></tr>");
                }
            }
            page.CloseTable();
        }
        page.CloseCard();
    }

    /// <summary>The account a finding concerns: its ARN's account, or the organisation for a guardrail.</summary>
    private static string Account(DriftFinding finding)
        => finding.Kind.ConcernsGuardrail ? Organisation
            : PolicyEngine.Model.Arn.TryParse(finding.Principal, out var arn) && arn.Account.Length > 0 ? arn.Account : Organisation;

    private static string Encode(string text) => HtmlReport.Encode(text);
}
