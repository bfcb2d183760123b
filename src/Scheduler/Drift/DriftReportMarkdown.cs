using System.Globalization;
using System.Text;
using Governance.Core.Analysis;

namespace Scheduler.Drift;

/// <summary>A drift report as Markdown: a summary by severity, then one table row per finding.</summary>
public static class DriftReportMarkdown
{
    /// <summary>Renders <paramref name="report"/>.</summary>
    public static string Render(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"# Drift audit {report.RanAt:yyyy-MM-dd HH:mm} UTC\n\n");
        text.Append(inv, $"{report.Findings.Length} findings: ");
        text.Append(string.Join(", ", Enum.GetValues<FindingSeverity>().Reverse()
            .Select(s => $"{report.Findings.Count(f => f.Severity == s)} {s.ToString().ToLowerInvariant()}")));
        text.Append(".\n\n");
        if (report.Findings.IsEmpty)
        {
            return text.Append("The account matches the roles kept as code.\n").ToString();
        }
        text.Append("| severity | kind | principal | detail |\n| --- | --- | --- | --- |\n");
        foreach (var f in report.Findings.OrderByDescending(static f => f.Severity))
        {
            text.Append(inv, $"| {f.Severity} | {f.Kind} | `{f.Principal}` | {Escape(f.Detail)} |\n");
        }
        return text.ToString();
    }

    private static string Escape(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
