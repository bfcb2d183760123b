using Microsoft.Extensions.Hosting;
using Quartz;

namespace Scheduler.Hosting;

/// <summary>
/// With the in-memory store, fires once at start-up each job whose schedule had a firing between its last recorded run
/// and now: the firings missed while the service was down, run once, not once each.
/// </summary>
/// <remarks>
/// The in-memory store forgets triggers on restart and Quartz computes a new trigger's first firing from now, so the
/// cron trigger's own misfire instruction never sees those firings; <see cref="RunHistory"/> remembers them instead.
/// A job that never ran here is not caught up: a new installation starts on its schedule.
/// </remarks>
internal sealed class MissedFiringCatchUp(ISchedulerFactory schedulers, RunHistory history, IReadOnlyList<ScheduledJob> jobs, TimeProvider time)
    : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var job in jobs)
        {
            if (history.LastRun(job.Key.Name) is { } last && job.Cron.GetNextValidTimeAfter(last) is { } due && due <= now)
            {
                await scheduler.TriggerJob(job.Key, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
