using Governance.Core.Drift.Records;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>Renders a report in a <see cref="ReportFormat"/>: the one place that knows which renderer writes which format.</summary>
/// <remarks>JSON is returned without a final newline, as the API serves it and the database stores the drift report; the others end with one.</remarks>
public static class ReportRenderer
{
    /// <summary>The risk audit <paramref name="audit"/> in <paramref name="format"/>.</summary>
    public static string Render(AccountRisks audit, ReportFormat format) => format switch
    {
        ReportFormat.Json => RiskReportJson.Render(audit),
        ReportFormat.Markdown => RiskReportMarkdown.Render(audit),
        ReportFormat.Html => RiskReportHtml.Render(audit),
        _ => RiskReportText.Render(audit),
    };

    /// <summary>
    /// The drift report <paramref name="report"/> in <paramref name="format"/>; <paramref name="history"/> (the runs the HTML
    /// chart shows besides this one) is read only for HTML.
    /// </summary>
    public static string Render(DriftReport report, ReportFormat format, IEnumerable<DriftReportSummary> history) => format switch
    {
        ReportFormat.Json => DriftReportJson.Write(report),
        ReportFormat.Markdown => DriftReportMarkdown.Render(report),
        ReportFormat.Html => DriftReportHtml.Render(report, history),
        _ => DriftReportText.Render(report),
    };
}
