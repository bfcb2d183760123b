using System.Globalization;
using System.Text;
using Governance.Core.Reports.Html;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>A risk audit as one self-contained HTML page: summary, a chart of findings by category and severity, then one section per principal.</summary>
/// <remarks>On the scaffold every HTML report shares (<see cref="HtmlReport"/>); what is its own is the principals' sections.</remarks>
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
        page.Stats(
            (flagged.Count, "principals with findings"),
            (audit.Principals.Count(static p => p.Has(FindingCategory.AdminEquivalent)), "administrators"),
            (audit.Principals.Count(static p => p.Has(FindingCategory.PrivilegeEscalation)), "can escalate"),
            (findings.Count, "findings"));
        page.OpenCard("Findings by category and severity");
        page.SeverityChart("findings by category and severity",
            [.. Enum.GetValues<FindingCategory>().Select(c => new ChartRow(Label(c), s => findings.Count(f => f.Category == c && f.Severity == s)))]);
        page.CloseCard();
        Index(page, flagged);
        foreach (var principal in flagged)
        {
            Principal(page, principal);
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
            page.Html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{Anchor(principal)}\">{E(principal.Name)}</a></td><td>{principal.Kind}</td><td>{principal.Access.Actions}</td>");
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

    private static void Principal(HtmlReport page, PrincipalRisks principal)
    {
        var html = page.Html;
        page.OpenCard(E(principal.Name), Anchor(principal));
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"arn\">{E(principal.Arn)} · {principal.Kind} · {principal.Access.Actions} actions in {principal.Access.Services} services</div>");
        foreach (var finding in principal.Findings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"finding sev-{finding.Severity}\"><h3>{HtmlReport.Pill(finding.Severity, finding.Severity.ToString())}<span class=\"cat\">{Label(finding.Category)}</span></h3>");
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

    private static string Label(FindingCategory category) => category switch
    {
        FindingCategory.PrivilegeEscalation => "Privilege escalation",
        FindingCategory.AdminEquivalent => "Admin-equivalent",
        FindingCategory.DataExfiltration => "Data exfiltration",
        FindingCategory.ResourceExposure => "Resource exposure",
        FindingCategory.CredentialsExposure => "Credentials exposure",
        _ => "Infrastructure modification",
    };

    private static string Anchor(PrincipalRisks principal) => "p-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(principal.Arn)))[..12];

    private static string E(string text) => HtmlReport.Encode(text);
}
