using Quartz;

namespace Scheduler.Hosting;

/// <summary>Writes each successful firing to the <see cref="RunHistory"/>.</summary>
internal sealed class RunHistoryListener(RunHistory history) : IJobListener
{
    /// <inheritdoc />
    public string Name => "governance-run-history";

    /// <inheritdoc />
    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (jobException is null)
        {
            history.Record(context.JobDetail.Key.Name, context.FireTimeUtc);
        }
        return ValueTask.CompletedTask;
    }
}
