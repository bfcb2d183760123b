using Governance.Core.Drift.Records;

namespace Governance.Api.Contracts;

/// <summary>One drift report in a listing: when it ran and how many findings of each severity.</summary>
internal sealed record DriftReportSummaryDto(Guid Id, DateTimeOffset RanAt, int Findings, int Critical, int High, int Medium, int Low)
{
    public static DriftReportSummaryDto From(DriftReportSummary summary) => new(summary.Id, summary.RanAt, summary.Findings,
        summary.Critical, summary.High, summary.Medium, summary.Low);
}
