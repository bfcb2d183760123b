using System.Globalization;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>A risk audit as plain text for a terminal: each principal with findings, then the totals.</summary>
public static class RiskReportText
{
    /// <summary>Renders <paramref name="audit"/>.</summary>
    public static string Render(AccountRisks audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var note in audit.Notes)
        {
            output.WriteLine($"note: {note}");
        }
        if (!audit.Notes.IsEmpty)
        {
            output.WriteLine();
        }
        foreach (var principal in audit.Principals)
        {
            output.WriteLine($"{principal.Arn}  ({principal.Access.Actions} actions in {principal.Access.Services} services)");
            Findings(output, principal.Findings, audit.Excluded.Count(e => e.Subject == principal.Arn));
        }
        foreach (var resource in audit.Resources)
        {
            output.WriteLine($"{resource.Arn}  ({RiskReportLabels.Kind(resource.Kind)} in account {resource.AccountId})");
            Findings(output, resource.Findings, audit.Excluded.Count(e => e.Subject == resource.Arn));
        }
        var resources = audit.Resources.IsEmpty ? string.Empty : $", {audit.Resources.Length} resources and guardrails with findings";
        output.WriteLine($"{audit.Principals.Length} principals{resources}, {audit.Findings.Count()} findings");
        foreach (var category in Enum.GetValues<FindingCategory>())
        {
            var count = audit.Findings.Count(f => f.Category == category);
            if (count > 0)
            {
                output.WriteLine($"  {category}: {count}");
            }
        }
        Excluded(output, audit);
        return output.ToString();
    }

    /// <summary>The findings the exclusions file hides, each with who accepted it until when, then the exclusions to review.</summary>
    private static void Excluded(StringWriter output, AccountRisks audit)
    {
        if (audit.Excluded.IsEmpty && audit.ExclusionWarnings.IsEmpty)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine(ExcludedSentences.Heading(audit.Excluded.Length, audit.ExclusionWarnings.Length));
        foreach (var excluded in audit.Excluded)
        {
            output.WriteLine($"  [{excluded.Finding.Severity}] {excluded.Finding.Category}: {excluded.Finding.Title}");
            output.WriteLine($"      {excluded.Subject}  fingerprint {excluded.Fingerprint}");
            output.WriteLine($"      {ExcludedSentences.Accepted(excluded.By)}");
        }
        foreach (var warning in audit.ExclusionWarnings)
        {
            output.WriteLine($"  warning: {warning}");
        }
    }
    private static void Findings(StringWriter output, IReadOnlyList<Finding> findings, int excluded)
    {
        if (findings.Count == 0)
        {
            output.WriteLine(excluded == 0 ? "  no findings" : $"  no findings ({excluded} excluded, listed below)");
        }
        foreach (var finding in findings)
        {
            output.WriteLine($"  [{finding.Severity}] {finding.Category}: {finding.Title}");
            if (finding.Path.Length > 1)
            {
                output.WriteLine($"      path: {string.Join(" -> ", finding.Path)}");
                if (RiskReportLabels.OtherChains(finding) is { Length: > 0 } others)
                {
                    output.WriteLine($"      {others} (the full role graph: iamgov audit --role-graph FILE)");
                }
            }
            if (!finding.ConditionKeys.IsEmpty)
            {
                output.WriteLine($"      depends on: {string.Join(", ", finding.ConditionKeys)}");
            }
            foreach (var evidence in finding.Evidence)
            {
                output.WriteLine($"      {RiskReportLabels.EvidenceVerb(finding)}: {evidence.Policy} {evidence.Sid} (line {evidence.Line})");
            }
        }
        output.WriteLine();
    }
}
