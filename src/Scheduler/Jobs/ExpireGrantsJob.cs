using Governance.Core.Workflow.Grants;
using Quartz;

namespace Scheduler.Jobs;

/// <summary>Ends every active grant whose window has passed: policy removed, grant marked expired, audit event recorded.</summary>
/// <remarks>
/// Safe to run again: <see cref="GrantService.ExpireDueAsync"/> only picks grants still active, and a run that stops
/// after removing a policy but before committing leaves them active, so the next run finishes the work.
/// </remarks>
[DisallowConcurrentExecution]
public sealed class ExpireGrantsJob(GrantService grants) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("expire-grants", "governance");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        => await grants.ExpireDueAsync(cancellationToken).ConfigureAwait(false);
}
