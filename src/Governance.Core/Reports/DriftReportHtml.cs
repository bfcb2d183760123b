using System.Collections.Immutable;
using System.Globalization;
using Governance.Core.Drift.Records;
using Governance.Core.Reports.Html;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>
/// A drift report as one self-contained HTML file: summary, findings by severity over the last runs, the findings with
/// their evidence, the organisation's guardrails that differ from code, then the access delta since the previous run. On the scaffold every HTML report shares (<see cref="HtmlReport"/>).
/// </summary>
public static class DriftReportHtml
{
    private const int RunsCharted = 14;

    /// <summary>Renders <paramref name="report"/>, charting it with <paramref name="history"/> (any order; the report may be among them).</summary>
    public static string Render(DriftReport report, IEnumerable<DriftReportSummary> history)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(history);
        var runs = history.Where(r => r.RanAt <= report.RanAt && r.Id != report.Id).Append(DriftReportSummary.Of(report))
            .OrderBy(static r => r.RanAt).TakeLast(RunsCharted).ToImmutableArray();
        var page = new HtmlReport("Drift audit", string.Create(CultureInfo.InvariantCulture, $"Drift audit {report.RanAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"),
            [Encode(DriftReportSentences.Summary(report)), Encode(DriftReportSentences.ComparedWith(report))], css: string.Empty);
        var guardrails = report.Findings.Where(static f => f.Kind.ConcernsGuardrail).ToList();
        page.Stats(
            (report.Findings.Where(static f => !f.Kind.ConcernsGuardrail).Select(static f => f.Principal).Distinct(StringComparer.Ordinal).Count(), "principals with findings"),
            (report.Findings.Count(static f => f.Severity == RiskSeverity.Critical), "critical"),
            (report.Findings.Count(static f => f.Severity == RiskSeverity.High), "high"),
            (report.Findings.Length, "findings"));
        page.OpenCard("Findings by severity, last runs");
        page.SeverityChart("findings by severity per run",
            [.. runs.Select(static r => new ChartRow(r.RanAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Count))]);
        page.CloseCard();
        AppendFindings(page, report);
        AppendGuardrails(page, guardrails);
        AppendAccessDelta(page, report);
        return page.Close();
    }

    private static void AppendFindings(HtmlReport page, DriftReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        page.OpenCard("Findings");
        var findings = report.Findings.Where(static f => !f.Kind.ConcernsGuardrail).ToList();
        if (findings.Count == 0)
        {
            page.Html.Append("<p>The account matches the roles kept as code.</p>");
        }
        else
        {
            page.OpenTable(["severity", "kind", "principal", "evidence"]);
            foreach (var f in findings.OrderByDescending(static f => f.Severity))
            {
                page.Html.Append(inv, $"<tr><td>{HtmlReport.Pill(f.Severity, f.Severity.ToString())}</td><td>{f.Kind}</td>")
                    .Append(inv, $"<td><code>{Encode(f.Principal)}</code></td><td>{Encode(f.Detail)}</td></tr>");
            }
            page.CloseTable();
        }
        page.CloseCard();
    }

    /// <summary>The organisation's SCPs and RCPs that differ from <c>policies/guardrails/</c>; no card when none do.</summary>
    private static void AppendGuardrails(HtmlReport page, List<DriftFinding> guardrails)
    {
        if (guardrails.Count == 0)
        {
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        page.OpenCard("Organisation guardrails (SCPs and RCPs)");
        page.OpenTable(["severity", "kind", "guardrail", "evidence"]);
        foreach (var f in guardrails.OrderByDescending(static f => f.Severity))
        {
            page.Html.Append(inv, $"<tr><td>{HtmlReport.Pill(f.Severity, f.Severity.ToString())}</td><td>{f.Kind}</td>")
                .Append(inv, $"<td><code>{Encode(f.Principal)}</code></td><td>{Encode(f.Detail)}</td></tr>");
        }
        page.CloseTable();
        page.CloseCard();
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
            page.OpenTable(["principal", "change", "action", "access level", "resources"]);
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

    private static string Encode(string text) => HtmlReport.Encode(text);
}
