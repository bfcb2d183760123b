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
    /// Writes <paramref name="audit"/> in <paramref name="format"/> to <paramref name="output"/> as a file holds it (ending
    /// with a newline); JSON streamed as it is written, the other formats, made for people, as one text.
    /// </summary>
    public static void Write(AccountRisks audit, ReportFormat format, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (format == ReportFormat.Json)
        {
            RiskReportJson.Write(audit, output);
            output.WriteByte((byte)'\n');
            return;
        }
        WriteText(Render(audit, format), output);
    }

    /// <summary>Writes <paramref name="report"/> as <see cref="Write(AccountRisks, ReportFormat, Stream)"/> writes an audit.</summary>
    public static void Write(DriftReport report, ReportFormat format, IEnumerable<DriftReportSummary> history, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (format == ReportFormat.Json)
        {
            DriftReportJson.Write(report, output);
            output.WriteByte((byte)'\n');
            return;
        }
        WriteText(Render(report, format, history), output);
    }

    private static void WriteText(string text, Stream output)
    {
        output.Write(System.Text.Encoding.UTF8.GetBytes(text.EndsWith('\n') ? text : text + "\n"));
    }

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
