using System.Globalization;
using Governance.Core.Drift.Records;

namespace Governance.Core.Reports;

/// <summary>A drift report as plain text for a terminal: two lines per finding, then the access delta when there was a previous audit.</summary>
public static class DriftReportText
{
    /// <summary>Renders <paramref name="report"/>.</summary>
    public static string Render(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var f in report.Findings)
        {
            output.WriteLine($"{f.Severity,-8} {f.Kind,-18} {f.Principal}");
            output.WriteLine($"         {f.Detail}");
        }
        output.WriteLine(report.Findings.IsEmpty ? "no drift" : $"{report.Findings.Length} findings");
        Excluded(output, report);
        if (report.Previous is null)
        {
            return output.ToString();
        }
        output.WriteLine(report.AccessDelta.IsEmpty ? "no access changed since the previous audit" : "access changed since the previous audit:");
        foreach (var principal in report.AccessDelta)
        {
            output.WriteLine($"  {principal.Principal} ({principal.Change.ToString().ToLowerInvariant()})");
            foreach (var action in principal.Actions)
            {
                output.WriteLine($"    {action.Kind,-19} {action.Action} on {string.Join(", ", action.Resources)}");
            }
        }
        return output.ToString();
    }

    /// <summary>The findings the exclusions file hides, each with who accepted it until when, then the exclusions to review.</summary>
    private static void Excluded(StringWriter output, DriftReport report)
    {
        if (report.Excluded.IsEmpty && report.ExclusionWarnings.IsEmpty)
        {
            return;
        }
        output.WriteLine(ExcludedSentences.Heading(report.Excluded.Length, report.ExclusionWarnings.Length));
        foreach (var excluded in report.Excluded)
        {
            var f = excluded.Finding;
            output.WriteLine($"  {f.Severity,-8} {f.Kind,-18} {f.Principal}");
            output.WriteLine($"           {f.Detail}");
            output.WriteLine($"           {ExcludedSentences.Accepted(excluded.By)}");
        }
        foreach (var warning in report.ExclusionWarnings)
        {
            output.WriteLine($"  warning: {warning}");
        }
    }
}
