using Quartz;

namespace Scheduler.Hosting;

/// <summary>A job and the cron schedule it was registered with.</summary>
/// <param name="Key">The job's key.</param>
/// <param name="Cron">Its schedule, in its configured time zone.</param>
internal sealed record ScheduledJob(JobKey Key, CronExpression Cron);
