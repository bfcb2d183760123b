namespace Governance.Core.Drift.Records;

/// <summary>A stored drift report: its summary in columns, for listings and charts, and the whole report as JSON.</summary>
/// <remarks>
/// One row per run, written once and never changed. The JSON is <see cref="DriftReportJson"/>'s form, so
/// what the API serves is exactly what the job wrote; only the summary columns are read to list reports.
/// </remarks>
public sealed class DriftReportRecord
{
    /// <summary>The run's id.</summary>
    public Guid Id { get; init; }

    /// <summary>When it ran.</summary>
    public DateTimeOffset RanAt { get; init; }

    /// <summary>All its findings.</summary>
    public int Findings { get; init; }

    /// <summary>Its critical findings.</summary>
    public int Critical { get; init; }

    /// <summary>Its high findings.</summary>
    public int High { get; init; }

    /// <summary>Its medium findings.</summary>
    public int Medium { get; init; }

    /// <summary>Its low findings.</summary>
    public int Low { get; init; }

    /// <summary>The report as JSON.</summary>
    public string Content { get; init; } = string.Empty;
}
