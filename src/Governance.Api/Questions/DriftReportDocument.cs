using Governance.Core.Drift.Records;
using Governance.Core.Reports;

namespace Governance.Api.Questions;

/// <summary>
/// A stored drift report rendered as a document: the one rendering behind <c>GET /v1/audit/reports/{id}</c> and the
/// console's report page.
/// </summary>
internal static class DriftReportDocument
{
    /// <summary>How many runs a listing shows and the HTML report charts.</summary>
    public const int HistoryLength = 30;

    /// <summary>The report <paramref name="id"/> in <paramref name="format"/>, or null when there is no such report.</summary>
    public static async Task<string?> RenderAsync(DriftReportRepository reports, Guid id, ReportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (await reports.FindAsync(id, cancellationToken) is not { } report)
        {
            return null;
        }
        // JSON is the report's one JSON form, the same the job stored and iamgov drift prints; HTML charts the recent runs.
        var history = format == ReportFormat.Html ? await reports.ListAsync(HistoryLength, cancellationToken) : [];
        return ReportRenderer.Render(report, format, history);
    }
}
