using System.Globalization;
using System.Text;
using Governance.Core.Drift.Records;

namespace Governance.Core.Reports;

/// <summary>A drift report as Markdown: what it was compared with, a summary by severity, the findings, then the access delta.</summary>
public static class DriftReportMarkdown
{
    /// <summary>Renders <paramref name="report"/>.</summary>
    public static string Render(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"# Drift audit {report.RanAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC\n\n");
        text.Append(DriftReportSentences.ComparedWith(report)).Append("\n\n");
        text.Append(DriftReportSentences.Summary(report)).Append("\n\n## Findings\n\n");
        if (report.Findings.IsEmpty)
        {
            text.Append("The account matches the roles kept as code.\n");
        }
        else
        {
            text.Append("| severity | kind | principal | detail |\n| --- | --- | --- | --- |\n");
            foreach (var f in report.Findings.OrderByDescending(static f => f.Severity))
            {
                text.Append(inv, $"| {f.Severity} | {f.Kind} | `{f.Principal}` | {Escape(f.Detail)} |\n");
            }
        }
        if (report.Previous is null)
        {
            return text.ToString();
        }
        text.Append("\n## Access delta since the previous audit\n\n");
        if (report.AccessDelta.IsEmpty)
        {
            return text.Append("No principal's access changed.\n").ToString();
        }
        foreach (var principal in report.AccessDelta)
        {
            text.Append(inv, $"### `{principal.Principal}` ({DriftReportSentences.Change(principal.Change)})\n\n");
            text.Append("| change | action | access level | resources |\n| --- | --- | --- | --- |\n");
            foreach (var action in principal.Actions)
            {
                var resources = string.Join(", ", action.Resources.Select(static r => $"`{Escape(r)}`"));
                text.Append(inv, $"| {action.Kind} | `{action.Action}` | {action.AccessLevel} | {resources} |\n");
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Escape(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
