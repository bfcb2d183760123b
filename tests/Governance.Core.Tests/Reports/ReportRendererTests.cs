using Governance.Core.Reports;

namespace Governance.Core.Tests.Reports;

public sealed class ReportRendererTests
{
    [Theory]
    [InlineData(ReportFormat.Text, "arn:aws:s3:::reports  (S3 bucket in account 111111111111)")]
    [InlineData(ReportFormat.Markdown, "> Note: a note")]
    [InlineData(ReportFormat.Html, "Resources and guardrails")]
    public void Render_EveryFormat_CarriesTheResources(ReportFormat format, string expected)
    {
        var report = ReportRenderer.Render(RiskReportJsonTests.Audit, format);

        Assert.Contains(expected, report, StringComparison.Ordinal);
        Assert.Contains("Anyone outside the organisation can s3:GetObject", report, StringComparison.Ordinal);
    }
}
