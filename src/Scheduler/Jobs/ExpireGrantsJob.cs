using Governance.Core.Hosting;
using Governance.Core.Workflow.Grants;
using Governance.Core.Workflow.Requests;
using Quartz;

namespace Scheduler.Jobs;

/// <summary>
/// Ends what has run out: every active grant whose window has passed (policy removed, grant marked expired, audit
/// event recorded), and every request pending longer than <c>Governance:Requests:PendingTtl</c> (<c>request.expired</c>).
/// </summary>
/// <remarks>
/// Safe to run again: <see cref="GrantService.ExpireDueAsync"/> only picks grants still active, and a run that stops
/// after removing a policy but before committing leaves them active, so the next run finishes the work; requests are
/// picked only while still pending.
/// </remarks>
[DisallowConcurrentExecution]
public sealed class ExpireGrantsJob(GrantService grants, PendingRequestExpiry requests, GovernanceOptions options) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("expire-grants", "governance");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await grants.ExpireDueAsync(cancellationToken).ConfigureAwait(false);
        await requests.ExpireAsync(options.Requests.PendingTtl, cancellationToken).ConfigureAwait(false);
    }
}
