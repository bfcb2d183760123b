using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsCheck;
using Governance.Core.Accounts;
using Governance.Core.Drift.Records;
using Governance.Core.Reports;
using Governance.Core.Reports.Html;
using Governance.Core.Risk;
using PolicyEngine.Evaluation;

namespace Governance.Api.Tests.Reports;

/// <summary>
/// Whatever a finding says (names, titles, ARNs, details: text from accounts the service does not control), the HTML
/// reports show it as text: parsed back, the text is there and no element or script came with it.
/// </summary>
public sealed class ReportHtmlEscapingTests
{
    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'", "\"", "`", "``", "` <b>x</b> `", "&amp;", "&#x3C;", "</style>",
        "</textarea>", "<!--", "]]>", "{}", "body:has(*){display:none}", "\u202e", "\u00a0", "日本語", "😀", "e\u0301", "\t", "\n",
    ];

    private static readonly Gen<string> HostileText = Gen.Int[0, Hostile.Length - 1].Select(static i => Hostile[i]);

    /// <summary>Text as a reader of the page gets it back: any character but NUL, CR and lone surrogates, which HTML itself rewrites.</summary>
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char.Where(static c => c != '\0' && c != '\r' && !char.IsSurrogate(c) && (c >= ' ' || c is '\n' or '\t')), 0, 24],
        HostileText,
        Gen.Select(HostileText, Gen.String.AlphaNumeric, HostileText, static (a, b, c) => a + b + c));

    private static readonly HtmlParser Parser = new();

    [Fact]
    public void RiskReportHtml_AnyFindingText_IsTextAndInjectsNothing()
    {
        Gen.Select(Text, Text, Text, Text, Text).Sample(static (name, title, action, sid, note) =>
        {
            // Arrange
            var arn = "arn:aws:iam::111122223333:role/" + name;
            var finding = new Finding(FindingCategory.PrivilegeEscalation, RiskSeverity.High, title, null, [action], [arn, arn + "/" + name],
                [new FindingEvidence(arn, name, sid, 3, PolicyType.Identity)], [action]);
            var principal = new PrincipalRisks(arn, name, PrincipalKind.Role, "111122223333", new AccessSummary(1, 1, ImmutableSortedDictionary<PolicyEngine.Catalog.AccessLevel, int>.Empty, 0), [finding]);
            var audit = new AccountRisks(DateTimeOffset.UnixEpoch, [principal]) { Notes = [note] };

            // Act
            var document = Parser.ParseDocument(RiskReportHtml.Render(audit));

            // Assert
            AssertOnlyTheReportsOwnMarkup(document);
            var article = document.QuerySelector("article.finding")!;
            Assert.Equal(name, article.QuerySelector("h3 .who")!.TextContent);
            Assert.Contains(arn, article.QuerySelector(".arn")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(action, article.QuerySelectorAll(".path .chip:not(.node)").Single().TextContent);
            Assert.Equal(sid, article.QuerySelectorAll(".evidence p code")[^1].TextContent);
            // Titles and notes are Markdown-ish: backticks may become <code>, and nothing else may.
            AssertCodeSpansOnly(title, article.QuerySelector("h3 + .arn + p")!);
            AssertCodeSpansOnly(note, document.QuerySelector("section.card ul li")!);
            Assert.Contains(document.QuerySelectorAll("#f-who option"), o => o.TextContent == name);
        }, iter: 300);
    }

    [Fact]
    public void DriftReportHtml_AnyFindingText_IsTextAndInjectsNothing()
    {
        Gen.Select(Text, Text).Sample(static (principal, detail) =>
        {
            // Arrange
            var report = new DriftReport(Guid.Empty, DateTimeOffset.UnixEpoch,
                [new DriftFinding(DriftKind.PolicyDrift, principal, RiskSeverity.Medium, detail)], null, [], DriftBaseline.Empty);

            // Act
            var document = Parser.ParseDocument(DriftReportHtml.Render(report, []));

            // Assert
            AssertOnlyTheReportsOwnMarkup(document);
            var row = document.QuerySelector("tr.f-row")!;
            Assert.Equal(principal, row.Children[2].TextContent);
            AssertCodeSpansOnly(detail, row.Children[3]);
            Assert.Contains(document.QuerySelectorAll("#f-who option"), o => o.TextContent == principal);
        }, iter: 300);
    }

    /// <summary>One script, the report's own; no event handler; links only to the page itself or AWS's documentation.</summary>
    private static void AssertOnlyTheReportsOwnMarkup(IDocument document)
    {
        var script = Assert.Single(document.Scripts);
        Assert.Equal(ReportScript.Text, script.Text);
        Assert.DoesNotContain(document.All, static e => e.Attributes.Any(static a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(document.QuerySelectorAll("img, iframe, object, embed, link, base, meta[http-equiv]"));
        Assert.All(document.QuerySelectorAll("a[href]"), static a => Assert.True(
            a.GetAttribute("href")!.StartsWith('#') || a.GetAttribute("href")!.StartsWith("https://docs.aws.amazon.com/", StringComparison.Ordinal), a.GetAttribute("href")));
        Assert.Single(document.QuerySelectorAll("style"));
    }

    /// <summary>The element holds <paramref name="text"/> as text, up to code spans: its only elements are <c>code</c>, and without backticks and spaces the text is the same.</summary>
    private static void AssertCodeSpansOnly(string text, IElement element)
    {
        Assert.All(element.QuerySelectorAll("*"), static e => Assert.Equal("CODE", e.TagName));
        static string Plain(string s) => new([.. s.Where(static c => c is not '`' and not ' ')]);
        Assert.Equal(Plain(text), Plain(element.TextContent));
    }
}
