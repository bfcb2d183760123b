using System.Collections.Immutable;
using System.Globalization;
using Governance.Core.Exclusions;
using Governance.Core.Reports.Html;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>
/// The "Excluded" card both HTML reports end their findings with: each finding the exclusions file hides, with who
/// accepted it, why and until when, then the exclusions to renew or remove. Findings are listed, never dropped, so a
/// reviewer sees what was accepted as well as what is open.
/// </summary>
internal static class ExcludedCard
{
    /// <summary>One excluded finding as a row: its severity, kind, subject, text (inline Markdown) and the entry that hides it.</summary>
    public sealed record Row(RiskSeverity Severity, string Kind, string Subject, string Finding, Exclusion By);

    /// <summary>Appends the card; nothing when there is nothing excluded and no exclusion to review.</summary>
    public static void Append(HtmlReport page, string subjectHeader, IReadOnlyList<Row> rows, ImmutableArray<ExclusionWarning> warnings)
    {
        if (rows.Count == 0 && warnings.IsEmpty)
        {
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        page.OpenCard(ExcludedSentences.Heading(rows.Count, warnings.Length), "excluded");
        if (rows.Count > 0)
        {
            page.OpenTable("Excluded findings", ["Severity", "Kind", HtmlReport.Encode(subjectHeader), "Finding", "Reason", "Approved by", "Expires"]);
            foreach (var row in rows)
            {
                page.Html.Append(inv, $"<tr><td>{HtmlReport.Pill(row.Severity, row.Severity.ToString())}</td><td>{HtmlReport.Encode(row.Kind)}</td>")
                    .Append(inv, $"<td><span class=\"arn\">{HtmlReport.Encode(row.Subject)}</span></td><td>{InlineMarkdown.ToHtml(row.Finding)}</td>")
                    .Append(inv, $"<td>{HtmlReport.Encode(row.By.Reason)} <span class=\"arn\">({HtmlReport.Encode(row.By.Place)})</span></td>")
                    .Append(inv, $"<td>{HtmlReport.Encode(row.By.ApprovedBy)}</td><td>{row.By.Expires:yyyy-MM-dd}</td></tr>");
            }
            page.CloseTable();
        }
        if (!warnings.IsEmpty)
        {
            page.Html.Append("<h3>Exclusions to review</h3><ul>");
            foreach (var warning in warnings)
            {
                page.Html.Append(inv, $"<li>{HtmlReport.Encode(warning.ToString())}</li>");
            }
            page.Html.Append("</ul>");
        }
        page.CloseCard();
    }
}
