using Governance.Core.Analysis;
using Scheduler.Drift;

namespace Governance.Api.Contracts;

/// <summary>One drift report in a listing: when it ran and how many findings of each severity.</summary>
internal sealed record DriftReportSummaryDto(Guid Id, DateTimeOffset RanAt, int Findings, int Critical, int High, int Medium, int Low)
{
    public static DriftReportSummaryDto From(DriftReport report) => new(report.Id, report.RanAt, report.Findings.Length,
        Count(report, FindingSeverity.Critical), Count(report, FindingSeverity.High), Count(report, FindingSeverity.Medium), Count(report, FindingSeverity.Low));

    private static int Count(DriftReport report, FindingSeverity severity) => report.Findings.Count(f => f.Severity == severity);
}
