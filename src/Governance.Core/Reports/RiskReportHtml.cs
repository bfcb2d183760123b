using System.Globalization;
using System.Net;
using System.Text;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>A risk audit as one self-contained HTML page: summary, a chart of findings by category and severity, then one section per principal.</summary>
/// <remarks>No scripts, fonts or images from elsewhere: inline CSS and an inline SVG chart, so the file can be mailed or archived as is.</remarks>
public static class RiskReportHtml
{
    private static readonly (RiskSeverity Severity, string Color)[] Palette =
    [
        (RiskSeverity.Critical, "#9f1239"),
        (RiskSeverity.High, "#ea580c"),
        (RiskSeverity.Medium, "#d97706"),
        (RiskSeverity.Low, "#64748b"),
    ];

    /// <summary>Renders <paramref name="audit"/>.</summary>
    public static string Render(AccountAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var html = new StringBuilder();
        var findings = audit.Findings.ToList();
        var flagged = audit.Principals.Where(static p => !p.Findings.IsEmpty).ToList();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>IAM access audit</title>
            <style>
            :root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#f8fafc;--card:#fff}
            *{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
            header{background:linear-gradient(120deg,#1e293b,#334155);color:#fff;padding:32px 48px}
            header h1{margin:0 0 4px;font-size:26px;font-weight:650}header p{margin:0;color:#cbd5e1}
            main{max-width:1100px;margin:0 auto;padding:24px 32px 64px}
            .stats{display:grid;grid-template-columns:repeat(4,1fr);gap:16px;margin:-44px 0 24px}
            .stat{background:var(--card);border-radius:12px;padding:16px 20px;box-shadow:0 1px 3px #0f172a22}
            .stat b{display:block;font-size:28px}.stat span{color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.04em}
            section.card{background:var(--card);border-radius:12px;padding:20px 24px;margin:0 0 20px;box-shadow:0 1px 3px #0f172a1a}
            h2{font-size:18px;margin:0 0 12px}h3{font-size:16px;margin:0}
            .legend{display:flex;gap:16px;font-size:13px;color:var(--muted);margin-top:8px}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
            table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line)}th{color:var(--muted);font-weight:600;font-size:12px;text-transform:uppercase}
            a{color:#1d4ed8;text-decoration:none}a:hover{text-decoration:underline}
            .pill{display:inline-block;border-radius:999px;padding:1px 10px;font-size:12px;font-weight:600;color:#fff}
            .Critical{background:#9f1239}.High{background:#ea580c}.Medium{background:#d97706}.Low{background:#64748b}
            .cat{color:var(--muted);font-size:13px;margin-left:8px}
            .arn{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;color:var(--muted);word-break:break-all}
            .finding{border-left:4px solid var(--line);padding:8px 0 8px 14px;margin:14px 0}
            .finding.sev-Critical{border-color:#9f1239}.finding.sev-High{border-color:#ea580c}.finding.sev-Medium{border-color:#d97706}.finding.sev-Low{border-color:#94a3b8}
            .finding p{margin:6px 0}.path{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:6px 0}
            .chip{background:#eef2ff;color:#3730a3;border-radius:6px;padding:1px 8px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
            .node{background:#f1f5f9;color:var(--ink)}.arrow{color:var(--muted)}
            .evidence{font-size:13px;color:var(--muted)}.evidence td{padding:3px 8px}
            details summary{cursor:pointer;color:var(--muted)}
            </style></head><body>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<header><h1>IAM access audit</h1><p>{audit.Principals.Length} principals · as of {audit.AsOf:yyyy-MM-dd HH:mm} UTC</p></header><main>");
        html.Append("<div class=\"stats\">");
        Stat(html, flagged.Count, "principals with findings");
        Stat(html, audit.Principals.Count(static p => p.Has(FindingCategory.AdminEquivalent)), "administrators");
        Stat(html, audit.Principals.Count(static p => p.Has(FindingCategory.PrivilegeEscalation)), "can escalate");
        Stat(html, findings.Count, "findings");
        html.Append("</div>");
        html.Append("<section class=\"card\"><h2>Findings by category and severity</h2>");
        Chart(html, findings);
        html.Append("<div class=\"legend\">");
        foreach (var (severity, color) in Palette)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span><i style=\"background:{color}\"></i>{severity}</span>");
        }
        html.Append("</div></section>");
        Index(html, flagged);
        foreach (var principal in flagged)
        {
            Principal(html, principal);
        }
        var clean = audit.Principals.Where(static p => p.Findings.IsEmpty).ToList();
        if (clean.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"card\"><details><summary>{clean.Count} principals without findings</summary><ul>");
            foreach (var principal in clean)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(principal.Name)} <span class=\"arn\">{E(principal.Arn)}</span></li>");
            }
            html.Append("</ul></details></section>");
        }
        html.Append("</main></body></html>\n");
        return html.ToString();
    }

    private static void Stat(StringBuilder html, int value, string label)
        => html.Append(CultureInfo.InvariantCulture, $"<div class=\"stat\"><b>{value}</b><span>{label}</span></div>");

    private static void Chart(StringBuilder html, List<Finding> findings)
    {
        const int LabelWidth = 210, BarWidth = 760, Row = 34, Bar = 22;
        var categories = Enum.GetValues<FindingCategory>();
        var max = Math.Max(1, categories.Max(c => findings.Count(f => f.Category == c)));
        var height = (categories.Length * Row) + 8;
        html.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"findings by category and severity\" viewBox=\"0 0 {LabelWidth + BarWidth + 60} {height}\" width=\"100%\">");
        for (var i = 0; i < categories.Length; i++)
        {
            var y = (i * Row) + 4;
            var total = findings.Count(f => f.Category == categories[i]);
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 12}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"13\" fill=\"#334155\">{Label(categories[i])}</text>");
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{BarWidth}\" height=\"{Bar}\" rx=\"4\" fill=\"#f1f5f9\"/>");
            double x = LabelWidth;
            foreach (var (severity, color) in Palette)
            {
                var count = findings.Count(f => f.Category == categories[i] && f.Severity == severity);
                if (count == 0)
                {
                    continue;
                }
                var width = (double)count / max * BarWidth;
                html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:F1}\" y=\"{y}\" width=\"{width:F1}\" height=\"{Bar}\" fill=\"{color}\"><title>{severity}: {count}</title></rect>");
                if (width > 22)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (width / 2):F1}\" y=\"{y + 15}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#fff\">{count}</text>");
                }
                x += width;
            }
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 8:F1}\" y=\"{y + 16}\" font-size=\"13\" font-weight=\"600\" fill=\"#0f172a\">{total}</text>");
        }
        html.Append("</svg>");
    }

    private static void Index(StringBuilder html, List<PrincipalAudit> flagged)
    {
        html.Append("<section class=\"card\"><h2>Principals</h2><table><thead><tr><th>Principal</th><th>Kind</th><th>Actions</th>");
        foreach (var (severity, _) in Palette)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{severity}</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var principal in flagged.OrderByDescending(static p => p.Findings.Max(static f => f.Severity)).ThenBy(static p => p.Name, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{Anchor(principal)}\">{E(principal.Name)}</a></td><td>{principal.Kind}</td><td>{principal.Access.Actions}</td>");
            foreach (var (severity, _) in Palette)
            {
                var count = principal.Findings.Count(f => f.Severity == severity);
                html.Append(count == 0 ? "<td></td>" : string.Create(CultureInfo.InvariantCulture, $"<td><span class=\"pill {severity}\">{count}</span></td>"));
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></section>");
    }

    private static void Principal(StringBuilder html, PrincipalAudit principal)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"card\" id=\"{Anchor(principal)}\"><h2>{E(principal.Name)}</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"arn\">{E(principal.Arn)} · {principal.Kind} · {principal.Access.Actions} actions in {principal.Access.Services} services</div>");
        foreach (var finding in principal.Findings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"finding sev-{finding.Severity}\"><h3><span class=\"pill {finding.Severity}\">{finding.Severity}</span><span class=\"cat\">{Label(finding.Category)}</span></h3>");
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
        html.Append("</section>");
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

    private static string Anchor(PrincipalAudit principal) => "p-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(principal.Arn)))[..12];

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
