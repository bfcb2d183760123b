using System.Globalization;
using System.Text;
using Governance.Core.Reports.Html;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>
/// A risk audit as one self-contained HTML page to triage with: summary, a chart of findings by category and severity,
/// every finding filterable by severity, category, principal or resource, and account (and searchable with scripts on),
/// each with the policy text behind it, its statement marked, why it matters and how to fix it; then indexes of the
/// principals and resources with findings.
/// </summary>
/// <remarks>On the scaffold every HTML report shares (<see cref="HtmlReport"/>); what is its own is the findings' layout.</remarks>
public static class RiskReportHtml
{
    /// <summary>
    /// The longest policy shown whole under a finding: AWS managed policies of thousands of lines, repeated under every
    /// finding they back, would make the page megabytes long; their statement is still shown.
    /// </summary>
    private const int WholePolicyLines = 300;

    /// <summary>The CSS of the findings.</summary>
    private static readonly string Css = string.Join('\n',
        ".cat{color:var(--muted);font-size:13px;margin-left:8px}.who{margin-left:8px}",
        ".arn{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;color:var(--muted);overflow-wrap:anywhere}",
        ".finding{border-left:4px solid var(--line);padding:8px 0 8px 14px;margin:14px 0}",
        SeverityPalette.Css(static (s, colour) => $".finding.sev-{s}{{border-color:{colour}}}"),
        ".finding p{margin:6px 0}.path{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:6px 0}",
        ".chip{background:#eef2ff;color:#3730a3;border-radius:6px;padding:1px 8px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;overflow-wrap:anywhere}",
        ".node{background:#f1f5f9;color:var(--ink)}.arrow{color:var(--muted)}",
        ".evidence{font-size:13px}.evidence>p{color:var(--muted)}");

    /// <summary>Renders <paramref name="audit"/>.</summary>
    public static string Render(AccountRisks audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var findings = audit.Findings.ToList();
        var flagged = audit.Principals.Where(static p => !p.Findings.IsEmpty).ToList();
        List<Subject> subjects =
        [
            .. flagged.Select(static p => new Subject(p.Arn, p.Name, $"{p.Arn} · {p.Kind} · account {p.AccountId} · {p.Access.Actions} actions in {p.Access.Services} services", p.AccountId, p.Findings)),
            .. audit.Resources.Select(static r => new Subject(r.Arn, r.Name, $"{r.Arn} · {RiskReportLabels.Kind(r.Kind)} · account {r.AccountId}", r.AccountId, r.Findings)),
        ];
        var filters = new ReportFilters()
            .Add("sev", "Severity", SeverityPalette.Order.Select(s => (s.ToString(), $"{s} ({findings.Count(f => f.Severity == s)})")), buttons: true)
            .Add("cat", "Category", Enum.GetValues<FindingCategory>().Where(c => findings.Any(f => f.Category == c)).Select(static c => (c.ToString(), RiskReportLabels.Category(c))))
            .Add("who", "Principal or resource", subjects.OrderBy(static s => s.Name, StringComparer.Ordinal).Select(static s => (s.Arn, E(s.Name))))
            .Add("acct", "Account", subjects.Select(static s => s.AccountId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(static a => (a, a)));
        var page = new HtmlReport("IAM access audit", "IAM access audit",
            [string.Create(CultureInfo.InvariantCulture, $"{audit.Principals.Length} principals · as of {audit.AsOf:yyyy-MM-dd HH:mm} UTC")], Css + "\n" + filters.Css());
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
                page.Html.Append(CultureInfo.InvariantCulture, $"<li>{InlineMarkdown.ToHtml(note)}</li>");
            }
            page.Html.Append("</ul>");
            page.CloseCard();
        }
        page.OpenCard("Findings by category and severity");
        page.SeverityChart("Findings by category and severity", "Category",
            [.. Enum.GetValues<FindingCategory>().Select(c => new ChartRow(RiskReportLabels.Category(c), s => findings.Count(f => f.Category == c && f.Severity == s)))]);
        page.CloseCard();
        Findings(page, filters, subjects, audit.Documents);
        ExcludedCard.Append(page, "Principal or resource",
            [.. audit.Excluded.Select(static x => new ExcludedCard.Row(x.Finding.Severity, RiskReportLabels.Category(x.Finding.Category), x.Subject, x.Finding.Title, x.By))],
            audit.ExclusionWarnings);
        Index(page, flagged);
        ResourceIndex(page, audit.Resources);
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

    /// <summary>Every finding, most severe first, then by principal or resource; the first of each subject carries its anchor.</summary>
    private static void Findings(HtmlReport page, ReportFilters filters, List<Subject> subjects, PolicyDocuments documents)
    {
        page.OpenCard("Findings", "findings");
        if (subjects.Count == 0)
        {
            page.Html.Append("<p>No findings.</p>");
            page.CloseCard();
            return;
        }
        page.Filters(filters, "Filter the findings");
        page.Html.Append("<div class=\"f-list\">");
        var anchored = new HashSet<string>(StringComparer.Ordinal);
        var ordered = subjects.SelectMany(static s => s.Findings.Select(f => (Subject: s, Finding: f)))
            .OrderByDescending(static x => x.Finding.Severity).ThenBy(static x => x.Subject.Name, StringComparer.Ordinal);
        foreach (var (subject, finding) in ordered)
        {
            var id = anchored.Add(subject.Arn) ? $" id=\"{Anchor(subject.Arn)}\"" : string.Empty;
            var row = filters.Row($"finding sev-{finding.Severity}",
                ("sev", finding.Severity.ToString()), ("cat", finding.Category.ToString()), ("who", subject.Arn), ("acct", subject.AccountId));
            page.Html.Append(CultureInfo.InvariantCulture, $"<article{id}{row}>");
            Finding(page.Html, subject, finding, documents);
            page.Html.Append("</article>");
        }
        page.Html.Append("</div>").Append(ReportFilters.Count("findings"));
        page.CloseCard();
    }

    private static void Finding(StringBuilder html, Subject subject, Finding finding, PolicyDocuments documents)
    {
        var inv = CultureInfo.InvariantCulture;
        html.Append(inv, $"<h3>{HtmlReport.Pill(finding.Severity, finding.Severity.ToString())}<span class=\"cat\">{RiskReportLabels.Category(finding.Category)}</span><span class=\"who\">{E(subject.Name)}</span></h3>");
        html.Append(inv, $"<div class=\"arn\">{E(subject.Line)}</div>");
        html.Append(inv, $"<p>{InlineMarkdown.ToHtml(finding.Title)}</p>");
        if (finding.Path.Length > 1)
        {
            html.Append("<div class=\"path\">");
            for (var i = 0; i < finding.Path.Length; i++)
            {
                if (i > 0)
                {
                    html.Append("<span class=\"arrow\" aria-label=\"then\">→</span>");
                }
                var node = finding.Path[i];
                html.Append(inv, $"<span class=\"chip node\" title=\"{E(node)}\">{E(node[(node.LastIndexOf('/') + 1)..])}</span>");
            }
            html.Append("</div>");
            if (RiskReportLabels.OtherChains(finding) is { Length: > 0 } others)
            {
                html.Append(inv, $"<p class=\"others\">{E(others)}</p>");
            }
        }
        html.Append("<div class=\"path\">");
        foreach (var action in finding.Actions)
        {
            html.Append(inv, $"<span class=\"chip\">{E(action)}</span>");
        }
        html.Append("</div>");
        if (!finding.ConditionKeys.IsEmpty)
        {
            html.Append(inv, $"<p class=\"evidence\">Depends on the request's {string.Join(", ", finding.ConditionKeys.Select(static k => $"<code>{E(k)}</code>"))}</p>");
        }
        foreach (var evidence in finding.Evidence)
        {
            Evidence(html, subject, finding, evidence, documents.Find(evidence));
        }
        Guide(html, FindingGuides.For(finding.Category));
    }

    /// <summary>The statement behind a finding: where it is, then its lines marked, then the whole policy on request.</summary>
    private static void Evidence(StringBuilder html, Subject subject, Finding finding, FindingEvidence evidence, string? document)
    {
        var inv = CultureInfo.InvariantCulture;
        html.Append(inv, $"<div class=\"evidence\"><p>{Capitalised(RiskReportLabels.EvidenceVerb(finding))} {InlineMarkdown.ToHtml(evidence.Policy)} ({PolicyWords.Layer(evidence.PolicyType)}")
            .Append(inv, $"{(string.Equals(evidence.Principal, subject.Arn, StringComparison.Ordinal) ? "" : $" of <code>{E(evidence.Principal)}</code>")})")
            .Append(inv, $", statement <code>{E(evidence.Sid)}</code>, line {evidence.Line}</p>");
        if (document is not null)
        {
            var listing = PolicyListing.Of(document, evidence);
            if (listing.First > 0)
            {
                // The statement with two lines either side, so that the mark shows where it sits in the policy.
                html.Append(listing.Html(listing.First - 2, listing.Last + 2));
            }
            if (listing.Length <= WholePolicyLines)
            {
                html.Append(inv, $"<details><summary>The whole policy ({listing.Length} lines{(listing.First > 0 ? $", the statement at lines {listing.First}–{listing.Last} marked" : "")})</summary>")
                    .Append(listing.Html(1, listing.Length)).Append("</details>");
            }
            else
            {
                html.Append(inv, $"<p>The whole policy has {listing.Length} lines, too many to repeat under every finding.</p>");
            }
        }
        html.Append("</div>");
    }

    private static void Guide(StringBuilder html, FindingGuide guide)
    {
        var inv = CultureInfo.InvariantCulture;
        html.Append(inv, $"<div class=\"guide\"><p><strong>Why it matters.</strong> {InlineMarkdown.ToHtml(guide.Why)}</p><p><strong>How to fix.</strong> {InlineMarkdown.ToHtml(guide.Fix)}</p>");
        html.Append("<p>AWS documentation: ")
            .AppendJoin(" · ", guide.Documentation.Select(static d => $"<a href=\"{E(d.Url)}\" rel=\"noopener noreferrer\">{E(d.Title)}</a>"))
            .Append("</p></div>");
    }

    private static void Index(HtmlReport page, List<PrincipalRisks> flagged)
    {
        if (flagged.Count == 0)
        {
            return;
        }
        page.OpenCard("Principals");
        page.OpenTable("Principals with findings", ["Principal", "Kind", "Account", "Actions", .. SeverityPalette.Order.Select(static s => s.ToString())]);
        foreach (var principal in flagged.OrderByDescending(static p => p.Findings.Max(static f => f.Severity)).ThenBy(static p => p.Name, StringComparer.Ordinal))
        {
            page.Html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{Anchor(principal.Arn)}\">{E(principal.Name)}</a></td><td>{principal.Kind}</td><td>{principal.AccountId}</td><td>{principal.Access.Actions}</td>");
            Counts(page, principal.Findings);
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
        page.OpenTable("Resources and guardrails with findings", ["Resource", "Kind", "Account", .. SeverityPalette.Order.Select(static s => s.ToString())]);
        foreach (var resource in resources.OrderByDescending(static r => r.Findings.Max(static f => f.Severity)).ThenBy(static r => r.Name, StringComparer.Ordinal))
        {
            page.Html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"#{Anchor(resource.Arn)}\">{E(resource.Name)}</a></td><td>{RiskReportLabels.Kind(resource.Kind)}</td><td>{resource.AccountId}</td>");
            Counts(page, resource.Findings);
        }
        page.CloseTable();
        page.CloseCard();
    }

    private static void Counts(HtmlReport page, IEnumerable<Finding> findings)
    {
        foreach (var severity in SeverityPalette.Order)
        {
            var count = findings.Count(f => f.Severity == severity);
            page.Html.Append(count == 0 ? "<td></td>" : $"<td>{HtmlReport.Pill(severity, count.ToString(CultureInfo.InvariantCulture))}</td>");
        }
        page.Html.Append("</tr>");
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Anchor(string arn) => "p-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(arn)))[..12];

    private static string E(string text) => HtmlReport.Encode(text);

    /// <summary>A principal or resource with findings, as the findings list names it.</summary>
    private sealed record Subject(string Arn, string Name, string Line, string AccountId, IReadOnlyList<Finding> Findings);
}
