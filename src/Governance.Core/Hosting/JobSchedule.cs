namespace Governance.Core.Hosting;

/// <summary>When a job fires: a Quartz cron expression read in a time zone.</summary>
public sealed class JobSchedule
{
    /// <summary>A Quartz cron expression, seconds first (<c>0 0 3 * * ?</c> is 03:00 every day).</summary>
    public string Cron { get; set; } = string.Empty;

    /// <summary>The IANA (or Windows) id of the time zone the expression is read in; default <c>UTC</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The configured zone, or a clear error naming the setting.</summary>
    /// <exception cref="InvalidOperationException">The zone is unknown.</exception>
    public TimeZoneInfo ResolveTimeZone(string jobName)
        => TryResolve(out var zone) ? zone : throw new InvalidOperationException(UnknownZone(jobName));

    /// <summary>Why the zone cannot be used, naming the setting; null when it can.</summary>
    public string? TimeZoneError(string jobName) => TryResolve(out _) ? null : UnknownZone(jobName);

    private bool TryResolve(out TimeZoneInfo zone) => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out zone!);

    private string UnknownZone(string jobName) => $"Governance:Scheduler:{jobName}:TimeZone: unknown time zone `{TimeZone}`";
}
