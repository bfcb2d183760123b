using System.Globalization;
using System.Text;
using Governance.Core.Drift.Records;

namespace Governance.Core.Reports;

/// <summary>A drift report as Markdown: what it was compared with, a summary by severity, the findings, the guardrails that differ, then the access delta.</summary>
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
        var findings = report.Findings.Where(static f => !f.Kind.ConcernsGuardrail).ToList();
        var guardrails = report.Findings.Where(static f => f.Kind.ConcernsGuardrail).ToList();
        if (findings.Count == 0)
        {
            text.Append("The account matches the roles kept as code.\n");
        }
        else
        {
            Table(text, "principal", findings);
        }
        if (guardrails.Count > 0)
        {
            text.Append("\n## Organisation guardrails (SCPs and RCPs)\n\n");
            Table(text, "guardrail", guardrails);
        }
        Excluded(text, report);
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

    private static void Table(StringBuilder text, string subject, List<DriftFinding> findings)
    {
        text.Append(CultureInfo.InvariantCulture, $"| severity | kind | {subject} | detail |\n| --- | --- | --- | --- |\n");
        foreach (var f in findings.OrderByDescending(static f => f.Severity))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {f.Severity} | {f.Kind} | `{f.Principal}` | {Escape(f.Detail)} |\n");
        }
    }

    /// <summary>The findings the exclusions file hides, with reason, approver and expiry, then the exclusions to review.</summary>
    private static void Excluded(StringBuilder text, DriftReport report)
    {
        if (report.Excluded.IsEmpty && report.ExclusionWarnings.IsEmpty)
        {
            return;
        }
        text.Append(CultureInfo.InvariantCulture, $"\n## {ExcludedSentences.Heading(report.Excluded.Length, report.ExclusionWarnings.Length)}\n\n");
        if (!report.Excluded.IsEmpty)
        {
            text.Append("| severity | kind | principal | detail | reason | approved by | expires |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        }
        foreach (var (f, by) in report.Excluded)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {f.Severity} | {f.Kind} | `{f.Principal}` | {Escape(f.Detail)} | {Escape(by.Reason)} | {Escape(by.ApprovedBy)} | {by.Expires:yyyy-MM-dd} |\n");
        }
        if (!report.ExclusionWarnings.IsEmpty)
        {
            text.Append('\n');
        }
        foreach (var warning in report.ExclusionWarnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"- warning: {Escape(warning.ToString())}\n");
        }
    }

    private static string Escape(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
