using System.Globalization;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>A risk audit as Markdown: a totals table, then a section per principal, resource and guardrail with findings.</summary>
public static class RiskReportMarkdown
{
    /// <summary>Renders <paramref name="audit"/>.</summary>
    public static string Render(AccountRisks audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        output.WriteLine("# IAM access audit");
        output.WriteLine();
        var resources = audit.Resources.IsEmpty ? string.Empty : $", {audit.Resources.Length} resources and guardrails with findings";
        output.WriteLine($"{audit.Principals.Length} principals{resources}, {audit.Findings.Count()} findings, as of {audit.AsOf:yyyy-MM-dd HH:mm} UTC.");
        output.WriteLine();
        foreach (var note in audit.Notes)
        {
            output.WriteLine($"> Note: {Escape(note)}");
            output.WriteLine();
        }
        output.WriteLine("| Category | " + string.Join(" | ", Enum.GetValues<RiskSeverity>().Reverse()) + " |");
        output.WriteLine("|---|" + string.Concat(Enum.GetValues<RiskSeverity>().Select(static _ => "---:|")));
        foreach (var category in Enum.GetValues<FindingCategory>())
        {
            output.WriteLine($"| {category} | " + string.Join(" | ", Enum.GetValues<RiskSeverity>().Reverse()
                .Select(s => audit.Findings.Count(f => f.Category == category && f.Severity == s))) + " |");
        }
        foreach (var principal in audit.Principals.Where(static p => !p.Findings.IsEmpty))
        {
            output.WriteLine();
            output.WriteLine($"## {Escape(principal.Name)}");
            output.WriteLine();
            output.WriteLine($"`{principal.Arn}` · {principal.Kind} · {principal.Access.Actions} actions in {principal.Access.Services} services");
            output.WriteLine();
            Findings(output, principal.Findings);
        }
        foreach (var resource in audit.Resources)
        {
            output.WriteLine();
            output.WriteLine($"## {Escape(resource.Name)}");
            output.WriteLine();
            output.WriteLine($"`{resource.Arn}` · {RiskReportLabels.Kind(resource.Kind)} · account {resource.AccountId}");
            output.WriteLine();
            Findings(output, resource.Findings);
        }
        Excluded(output, audit);
        return output.ToString();
    }

    /// <summary>The findings the exclusions file hides, with reason, approver and expiry, then the exclusions to review.</summary>
    private static void Excluded(StringWriter output, AccountRisks audit)
    {
        if (audit.Excluded.IsEmpty && audit.ExclusionWarnings.IsEmpty)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine($"## {ExcludedSentences.Heading(audit.Excluded.Length, audit.ExclusionWarnings.Length)}");
        output.WriteLine();
        if (!audit.Excluded.IsEmpty)
        {
            output.WriteLine("| severity | category | subject | finding | reason | approved by | expires |");
            output.WriteLine("|---|---|---|---|---|---|---|");
        }
        foreach (var excluded in audit.Excluded)
        {
            var by = excluded.By;
            output.WriteLine($"| {excluded.Finding.Severity} | {excluded.Finding.Category} | `{excluded.Subject}` | {Escape(excluded.Finding.Title)} | "
                + $"{Escape(by.Reason)} | {Escape(by.ApprovedBy)} | {by.Expires:yyyy-MM-dd} |");
        }
        if (!audit.ExclusionWarnings.IsEmpty)
        {
            output.WriteLine();
        }
        foreach (var warning in audit.ExclusionWarnings)
        {
            output.WriteLine($"- warning: {Escape(warning.ToString())}");
        }
    }

    private static void Findings(StringWriter output, IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            output.WriteLine($"- **{finding.Severity} · {finding.Category}**: {Escape(finding.Title)}");
            if (finding.Path.Length > 1)
            {
                output.WriteLine($"  - path: {string.Join(" → ", finding.Path.Select(static p => $"`{p}`"))}");
                if (RiskReportLabels.OtherChains(finding) is { Length: > 0 } others)
                {
                    output.WriteLine($"  - {others}");
                }
            }
            if (!finding.ConditionKeys.IsEmpty)
            {
                output.WriteLine($"  - depends on: {string.Join(", ", finding.ConditionKeys.Select(static k => $"`{k}`"))}");
            }
            foreach (var evidence in finding.Evidence)
            {
                output.WriteLine($"  - {RiskReportLabels.EvidenceVerb(finding)} `{evidence.Policy}` {evidence.Sid}, line {evidence.Line}");
            }
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal);
}
