using System.Text.RegularExpressions;
using Governance.Core.Reports;
using Governance.Core.Risk;
using PolicyEngine.Evaluation;
using TestSupport.Reports;

namespace Governance.Core.Tests.Reports;

public sealed partial class RiskReportHtmlTests
{
    [Fact]
    public void Render_DemoOrganisation_EveryFindingWithItsStatementMarkedAndItsGuide()
    {
        // Arrange
        var audit = DemoReports.RiskAudit;

        // Act
        var html = RiskReportHtml.Render(audit);

        // Assert: one article per finding, each with its marked statement, why, how and AWS's page
        var articles = Article().Matches(html).Select(static m => m.Value).ToList();
        Assert.Equal(audit.Findings.Count(), articles.Count);
        foreach (var article in articles)
        {
            Assert.Contains("<mark>", article, StringComparison.Ordinal);
            Assert.Contains("<strong>Why it matters.</strong>", article, StringComparison.Ordinal);
            Assert.Contains("<strong>How to fix.</strong>", article, StringComparison.Ordinal);
            Assert.Contains("<a href=\"https://docs.aws.amazon.com/", article, StringComparison.Ordinal);
        }
        Assert.StartsWith("<article id=\"p-", articles[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DemoOrganisation_FiltersOfferEachAccountAndCategoryWithFindings()
    {
        // Arrange
        var audit = DemoReports.RiskAudit;

        // Act
        var html = RiskReportHtml.Render(audit);

        // Assert
        var accounts = audit.Principals.Where(static p => !p.Findings.IsEmpty).Select(static p => p.AccountId)
            .Concat(audit.Resources.Select(static r => r.AccountId)).Distinct().ToList();
        Assert.True(accounts.Count > 1, "the demo organisation has findings in several accounts");
        foreach (var account in accounts)
        {
            Assert.Matches($"<option id=\"f-acct-\\d+\">{account}</option>", html);
        }
        Assert.Contains(">Admin-equivalent</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Key delegation</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TitleAndPolicyNameInBackticks_ShowCodeNotBackticks()
    {
        // Arrange
        var audit = new AccountRisks(DemoReports.AsOf, [])
        {
            Resources =
            [
                new ResourceRisks("arn:aws:s3:::reports", "reports", ResourceKind.Bucket, "111111111111",
                [
                    new Finding(FindingCategory.OutsideAccess, RiskSeverity.High, "Anyone can `s3:GetObject` on `reports`", null, ["s3:GetObject"], ["*", "arn:aws:s3:::reports"],
                        [new FindingEvidence("arn:aws:s3:::reports", "bucket policy of `reports`", "PublicRead", 2, PolicyType.Resource)], []),
                ]),
            ],
        };

        // Act
        var html = RiskReportHtml.Render(audit);

        // Assert: no document was read, so the statement is named without its text
        Assert.Contains("<p>Anyone can <code>s3:GetObject</code> on <code>reports</code></p>", html, StringComparison.Ordinal);
        Assert.Contains("Granted by bucket policy of <code>reports</code> (resource policy), statement <code>PublicRead</code>, line 2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("`", html[html.IndexOf("<main>", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("<pre class=\"policy\">", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<article[^>]*>.*?</article>", RegexOptions.Singleline)]
    private static partial Regex Article();
}
