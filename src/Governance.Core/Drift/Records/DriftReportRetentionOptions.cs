namespace Governance.Core.Drift.Records;

/// <summary>The <c>Governance:Retention:DriftReports</c> configuration section: how long stored drift reports are kept.</summary>
/// <remarks>
/// A report is removed when it is older than <see cref="KeepDays"/> and not among the newest <see cref="KeepAtLeast"/>.
/// The floor keeps the newest report, which the next run compares with, and a history to compare, however long the
/// audit has not run. The defaults keep a year (an annual access review looks back that far), and a month of nightly runs.
/// </remarks>
public sealed class DriftReportRetentionOptions
{
    /// <summary>The section's path.</summary>
    public const string Section = "Governance:Retention:DriftReports";

    /// <summary>The largest accepted <see cref="KeepDays"/>: 100 years.</summary>
    public const int MaxKeepDays = 36_500;

    /// <summary>The largest accepted <see cref="KeepAtLeast"/>.</summary>
    public const int MaxKeepAtLeast = 100_000;

    /// <summary>Days a report is kept after its run; default 365.</summary>
    public int KeepDays { get; set; } = 365;

    /// <summary>How many of the newest reports are kept whatever their age; default 30, at least 1.</summary>
    public int KeepAtLeast { get; set; } = 30;

    /// <summary>Checks the values, naming the key of a wrong one.</summary>
    /// <returns>The problems; empty when the values are usable.</returns>
    public IEnumerable<string> Validate()
    {
        if (KeepDays is < 1 or > MaxKeepDays)
        {
            yield return $"{Section}:KeepDays must be from 1 to {MaxKeepDays}, not {KeepDays}";
        }
        if (KeepAtLeast is < 1 or > MaxKeepAtLeast)
        {
            yield return $"{Section}:KeepAtLeast must be from 1 to {MaxKeepAtLeast} (the newest report is what the next drift audit compares with), not {KeepAtLeast}";
        }
    }
}
