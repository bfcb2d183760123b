namespace Scheduler.Hosting;

/// <summary>When a job fires: a Quartz cron expression read in a time zone.</summary>
public sealed class JobSchedule
{
    /// <summary>A Quartz cron expression, seconds first (<c>0 0 3 * * ?</c> is 03:00 every day).</summary>
    public string Cron { get; set; } = string.Empty;

    /// <summary>The IANA (or Windows) id of the time zone the expression is read in; default <c>UTC</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The configured zone, or a clear error naming the setting.</summary>
    internal TimeZoneInfo ResolveTimeZone(string jobName)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new InvalidOperationException($"Governance:Scheduler:{jobName}:TimeZone: unknown time zone `{TimeZone}`", e);
        }
    }
}
