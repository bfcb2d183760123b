using Governance.Core.Drift;
using Quartz;

namespace Scheduler.Jobs;

/// <summary>The nightly drift audit: compares the account with the roles kept as code and the grants, and writes a report.</summary>
[DisallowConcurrentExecution]
internal sealed class DriftAuditJob(DriftAuditService audit) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("drift-audit", "governance");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        => await audit.RunAsync(cancellationToken).ConfigureAwait(false);
}
