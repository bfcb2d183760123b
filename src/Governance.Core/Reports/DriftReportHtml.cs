using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using Governance.Core.Drift.Records;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>
/// A drift report as one self-contained HTML file: summary, findings by severity over the last runs, the findings with
/// their evidence, then the access delta since the previous run. No script and no external file.
/// </summary>
public static class DriftReportHtml
{
    private const int RunsCharted = 14;

    private static readonly (RiskSeverity Severity, string Colour)[] Palette =
        [(RiskSeverity.Critical, "#7f1d1d"), (RiskSeverity.High, "#dc2626"), (RiskSeverity.Medium, "#f59e0b"), (RiskSeverity.Low, "#60a5fa")];

    /// <summary>Renders <paramref name="report"/>, charting it with <paramref name="history"/> (any order; the report may be among them).</summary>
    public static string Render(DriftReport report, IEnumerable<DriftReportSummary> history)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(history);
        var inv = CultureInfo.InvariantCulture;
        var runs = history.Where(r => r.RanAt <= report.RanAt && r.Id != report.Id).Append(DriftReportSummary.Of(report))
            .OrderBy(static r => r.RanAt).TakeLast(RunsCharted).ToImmutableArray();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Drift audit</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%}")
            .Append("td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}code{font-size:.9em}")
            .Append(".sev{font-weight:600}</style></head><body>\n");
        html.Append(inv, $"<h1>Drift audit {report.RanAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC</h1>\n");
        html.Append(inv, $"<p>{Encode(DriftReportSentences.Summary(report))}</p>\n<p>{Encode(DriftReportSentences.ComparedWith(report))}</p>\n");
        html.Append("<h2>Findings by severity, last runs</h2>\n");
        AppendChart(html, runs);
        html.Append("<h2>Findings</h2>\n");
        if (report.Findings.IsEmpty)
        {
            html.Append("<p>The account matches the roles kept as code.</p>\n");
        }
        else
        {
            html.Append("<table><thead><tr><th>severity</th><th>kind</th><th>principal</th><th>evidence</th></tr></thead><tbody>\n");
            foreach (var f in report.Findings.OrderByDescending(static f => f.Severity))
            {
                html.Append(inv, $"<tr><td class=\"sev\" style=\"color:{Colour(f.Severity)}\">{f.Severity}</td><td>{f.Kind}</td>")
                    .Append(inv, $"<td><code>{Encode(f.Principal)}</code></td><td>{Encode(f.Detail)}</td></tr>\n");
            }
            html.Append("</tbody></table>\n");
        }
        AppendAccessDelta(html, report);
        return html.Append("</body></html>\n").ToString();
    }

    private static void AppendAccessDelta(StringBuilder html, DriftReport report)
    {
        if (report.Previous is null)
        {
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        html.Append("<h2>Access delta since the previous audit</h2>\n");
        if (report.AccessDelta.IsEmpty)
        {
            html.Append("<p>No principal's access changed.</p>\n");
            return;
        }
        html.Append("<table><thead><tr><th>principal</th><th>change</th><th>action</th><th>access level</th><th>resources</th></tr></thead><tbody>\n");
        foreach (var principal in report.AccessDelta)
        {
            foreach (var action in principal.Actions)
            {
                html.Append(inv, $"<tr><td><code>{Encode(principal.Principal)}</code> ({DriftReportSentences.Change(principal.Change)})</td>")
                    .Append(inv, $"<td>{action.Kind}</td><td><code>{Encode(action.Action)}</code></td><td>{action.AccessLevel}</td>")
                    .Append(inv, $"<td>{string.Join("<br>", action.Resources.Select(static r => $"<code>{Encode(r)}</code>"))}</td></tr>\n");
            }
        }
        html.Append("</tbody></table>\n");
    }

    /// <summary>Stacked bars, one per run, as inline SVG.</summary>
    private static void AppendChart(StringBuilder html, ImmutableArray<DriftReportSummary> runs)
    {
        var inv = CultureInfo.InvariantCulture;
        const int barWidth = 28, gap = 12, height = 120;
        var max = Math.Max(1, runs.Max(static r => r.Findings));
        var width = runs.Length * (barWidth + gap) + gap;
        html.Append(inv, $"<svg role=\"img\" aria-label=\"findings by severity per run\" width=\"{width}\" height=\"{height + 20}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (var i = 0; i < runs.Length; i++)
        {
            var x = gap + i * (barWidth + gap);
            var y = (double)height;
            foreach (var (severity, colour) in Palette.Reverse())
            {
                var count = runs[i].Count(severity);
                var h = (double)height * count / max;
                y -= h;
                if (count > 0)
                {
                    html.Append(inv, $"<rect x=\"{x}\" y=\"{y:0.#}\" width=\"{barWidth}\" height=\"{h:0.#}\" fill=\"{colour}\"><title>{runs[i].RanAt.UtcDateTime:yyyy-MM-dd}: {count} {severity}</title></rect>\n");
                }
            }
            html.Append(inv, $"<text x=\"{x}\" y=\"{height + 14}\" font-size=\"9\">{runs[i].RanAt.UtcDateTime:MM-dd}</text>\n");
        }
        html.Append("</svg>\n");
    }

    private static string Colour(RiskSeverity severity) => Palette.First(p => p.Severity == severity).Colour;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
