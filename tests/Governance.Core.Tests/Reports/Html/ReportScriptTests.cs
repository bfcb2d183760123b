using System.Security.Cryptography;
using System.Text;
using Governance.Core.Reports;
using Governance.Core.Reports.Html;
using TestSupport.Reports;

namespace Governance.Core.Tests.Reports.Html;

public sealed class ReportScriptTests
{
    [Fact]
    public void ContentSecurityPolicySource_RenderedReport_IsTheHashOfTheScriptItCarries()
    {
        // Arrange
        var html = RiskReportHtml.Render(DemoReports.RiskAudit);
        var start = html.IndexOf("<script>", StringComparison.Ordinal) + "<script>".Length;
        var script = html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];

        // Act
        var expected = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script))) + "'";

        // Assert: what the browser hashes (the element's text) is what the service allows
        Assert.Equal(expected, ReportScript.ContentSecurityPolicySource);
        Assert.DoesNotContain("</", ReportScript.Text, StringComparison.Ordinal);
    }
}
