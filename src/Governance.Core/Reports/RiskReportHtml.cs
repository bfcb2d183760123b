using System.Globalization;
using System.Text;
using Governance.Core.Reports.Html;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>A risk audit as one self-contained HTML page: summary, a chart of findings by category and severity, then one section per principal, resource and guardrail with findings.</summary>
/// <remarks>On the scaffold every HTML report shares (<see cref="HtmlReport"/>); what is its own is the principals' and resources' sections.</remarks>
public static class RiskReportHtml
{
    /// <summary>The CSS of the principals' sections.</summary>
    private static readonly string Css = string.Join('\n',
        ".cat{color:var(--muted);font-size:13px;margin-left:8px}",
        ".arn{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;color:var(--muted);word-break:break-all}",
        ".finding{border-left:4px solid var(--line);padding:8px 0 8px 14px;margin:14px 0}",
        SeverityPalette.Css(static (s, colour) => $".finding.sev-{s}{{border-color:{colour}}}"),
        ".finding p{margin:6px 0}.path{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:6px 0}",
        ".chip{background:#eef2ff;color:#3730a3;border-radius:6px;padding:1px 8px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}",
        ".node{background:#f1f5f9;color:var(--ink)}.arrow{color:var(--muted)}",
        ".evidence{font-size:13px;color:var(--muted)}.evidence td{padding:3px 8px}",
        "details summary{cursor:pointer;color:var(--muted)}");

    /// <summary>Renders <paramref name="audit"/>.</summary>
    public static string Render(AccountRisks audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var findings = audit.Findings.ToList();
        var flagged = audit.Principals.Where(static p => !p.Findings.IsEmpty).ToList();
        var page = new HtmlReport("IAM access audit", "IAM access audit",
            [string.Create(CultureInfo.InvariantCulture, $"{audit.Principals.Length} principals · as of {audit.AsOf:yyyy-MM-dd HH:mm} UTC")], Css);
        (int, string)[] stats =
        [
            (flagged.Count, "principals with findings"),
            (audit.Principals.Count(static p => p.Has(FindingCategory.AdminEquivalent)), "administrators"),
            (audit.Principals.Count(static p => p.Has(FindingCategory.PrivilegeEscalation)), "can escalate"),
            (findings.Count, "findings"),
        ];
        page.Stats(audit.Resources.IsEmpty ? stats : [.. stats, (audit.Resources.Length, "resources and guardrails with findings")]);
        if (!audit.Notes.IsEmpty)
        {
            page.OpenCard("Notes");
            page.Html.Append("<ul>");
            foreach (var note in audit.Notes)
            {
                page.Html.Append(CultureInfo.InvariantCulture, $"<li>{E(note)}</li>");
            }
            page.Html.Append("</ul>");
            page.CloseCard();
        }
        page.OpenCard("Findings by category and severity");
        page.SeverityChart("findings by category and severity",
            [.. Enum.GetValues<FindingCategory>().Select(c => new ChartRow(RiskReportLabels.Category(c), s => findings.Count(f => f.Category == c && f.Severity == s)))]);
        page.CloseCard();
        Index(page, flagged);
        ResourceIndex(page, audit.Resources);
        foreach (var principal in flagged)
        {
            Section(page, principal.Name, Anchor(principal.Arn),
                $"{principal.Arn} · {principal.Kind} · {principal.Access.Actions} actions in {principal.Access.Services} services", principal.Findings);
        }
        foreach (var resource in audit.Resources)
        {
            Section(page, resource.Name, Anchor(resource.Arn), $"{resource.Arn} · {RiskReportLabels.Kind(resource.Kind)} · account {resource.AccountId}", resource.Findings);
        }
        var clean = audit.Principals.Where(static p => p.Findings.IsEmpty).ToList();
        if (clean.Count > 0)
        {
            page.OpenCard();
            page.Html.Append(CultureInfo.InvariantCulture, $"<details><summary>{clean.Count} principals without findings</summary><ul>");
            foreach (var principal in clean)
            {
                page.Html.Append(CultureInfo.InvariantCulture, $"<li>{E(principal.Name)} <span class=\"arn\">{E(principal.Arn)}</span></li>");
            }
            page.Html.Append("</ul></details>");
            page.CloseCard();
        }
        return page.Close();
    }

    private static void Index(HtmlReport page, List<PrincipalRisks> flagged)
    {
        page.OpenCard("Principals");
        page.OpenTable(["Principal", "Kind", "Actions", .. SeverityPalette.Order.Select(static s => s.ToString())]);
        foreach (var principal in flagged.OrderByDescending(static p => p.Findings.Max(static f => f.Severity)).ThenBy(static p => p.Name, StringComparer.Ordinal))
        {
            page.Html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{Anchor(principal.Arn)}\">{E(principal.Name)}</a></td><td>{principal.Kind}</td><td>{principal.Access.Actions}</td>");
            foreach (var severity in SeverityPalette.Order)
            {
                var count = principal.Findings.Count(f => f.Severity == severity);
                page.Html.Append(count == 0 ? "<td></td>" : $"<td>{HtmlReport.Pill(severity, count.ToString(CultureInfo.InvariantCulture))}</td>");
            }
            page.Html.Append("</tr>");
        }
        page.CloseTable();
        page.CloseCard();
    }

    private static void ResourceIndex(HtmlReport page, IReadOnlyList<ResourceRisks> resources)
    {
        if (resources.Count == 0)
        {
            return;
        }
        page.OpenCard("Resources and guardrails");
        page.OpenTable(["Resource", "Kind", "Account", .. SeverityPalette.Order.Select(static s => s.ToString())]);
        foreach (var resource in resources.OrderByDescending(static r => r.Findings.Max(static f => f.Severity)).ThenBy(static r => r.Name, StringComparer.Ordinal))
        {
            page.Html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"#{Anchor(resource.Arn)}\">{E(resource.Name)}</a></td><td>{RiskReportLabels.Kind(resource.Kind)}</td><td>{resource.AccountId}</td>");
            foreach (var severity in SeverityPalette.Order)
            {
                var count = resource.Findings.Count(f => f.Severity == severity);
                page.Html.Append(count == 0 ? "<td></td>" : $"<td>{HtmlReport.Pill(severity, count.ToString(CultureInfo.InvariantCulture))}</td>");
            }
            page.Html.Append("</tr>");
        }
        page.CloseTable();
        page.CloseCard();
    }

    private static void Section(HtmlReport page, string name, string anchor, string line, IEnumerable<Finding> findings)
    {
        var html = page.Html;
        page.OpenCard(E(name), anchor);
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"arn\">{E(line)}</div>");
        foreach (var finding in findings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"finding sev-{finding.Severity}\"><h3>{HtmlReport.Pill(finding.Severity, finding.Severity.ToString())}<span class=\"cat\">{RiskReportLabels.Category(finding.Category)}</span></h3>");
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(finding.Title)}</p>");
            if (finding.Path.Length > 1)
            {
                html.Append("<div class=\"path\">");
                for (var i = 0; i < finding.Path.Length; i++)
                {
                    if (i > 0)
                    {
                        html.Append("<span class=\"arrow\">→</span>");
                    }
                    var node = finding.Path[i];
                    html.Append(CultureInfo.InvariantCulture, $"<span class=\"chip node\" title=\"{E(node)}\">{E(node[(node.LastIndexOf('/') + 1)..])}</span>");
                }
                html.Append("</div>");
            }
            html.Append("<div class=\"path\">");
            foreach (var action in finding.Actions)
            {
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"chip\">{E(action)}</span>");
            }
            html.Append("</div>");
            if (!finding.ConditionKeys.IsEmpty)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"evidence\">Depends on the request's {string.Join(", ", finding.ConditionKeys.Select(static k => $"<code>{E(k)}</code>"))}</p>");
            }
            if (!finding.Evidence.IsEmpty)
            {
                html.Append("<table class=\"evidence\"><tbody>");
                foreach (var evidence in finding.Evidence)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(evidence.Policy)}</td><td>{E(evidence.Sid)}</td><td>line {evidence.Line}</td><td>{evidence.PolicyType}</td></tr>");
                }
                html.Append("</tbody></table>");
            }
            html.Append("</div>");
        }
        page.CloseCard();
    }

    private static string Anchor(string arn) => "p-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(arn)))[..12];

    private static string E(string text) => HtmlReport.Encode(text);
}
