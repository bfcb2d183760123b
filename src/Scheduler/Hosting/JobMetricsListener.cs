using Governance.Core.Telemetry;
using Quartz;

namespace Scheduler.Hosting;

/// <summary>Counts every job firing with its duration and outcome (<see cref="GovernanceMetrics.JobRan"/>), on either job store.</summary>
internal sealed class JobMetricsListener(GovernanceMetrics metrics) : IJobListener
{
    /// <inheritdoc />
    public string Name => "governance-job-metrics";

    /// <inheritdoc />
    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        metrics.JobRan(context.JobDetail.Key.Name, context.JobRunTime, succeeded: jobException is null);
        return ValueTask.CompletedTask;
    }
}
