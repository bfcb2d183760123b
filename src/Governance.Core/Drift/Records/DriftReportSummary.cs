using Governance.Core.Risk;

namespace Governance.Core.Drift.Records;

/// <summary>One report in a listing or a chart: when it ran and how many findings of each severity.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="RanAt">When it ran.</param>
/// <param name="Findings">All its findings.</param>
/// <param name="Critical">Its critical findings.</param>
/// <param name="High">Its high findings.</param>
/// <param name="Medium">Its medium findings.</param>
/// <param name="Low">Its low findings.</param>
public sealed record DriftReportSummary(Guid Id, DateTimeOffset RanAt, int Findings, int Critical, int High, int Medium, int Low)
{
    /// <summary>The summary of <paramref name="report"/>.</summary>
    public static DriftReportSummary Of(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Id, report.RanAt, report.Findings.Length, Count(report, RiskSeverity.Critical), Count(report, RiskSeverity.High),
            Count(report, RiskSeverity.Medium), Count(report, RiskSeverity.Low));
    }

    /// <summary>The number of findings of <paramref name="severity"/>.</summary>
    public int Count(RiskSeverity severity) => severity switch
    {
        RiskSeverity.Critical => Critical,
        RiskSeverity.High => High,
        RiskSeverity.Medium => Medium,
        _ => Low,
    };

    private static int Count(DriftReport report, RiskSeverity severity) => report.Findings.Count(f => f.Severity == severity);
}
