using Governance.Core.Drift;
using Quartz;

namespace Scheduler.Jobs;

/// <summary>
/// The nightly drift audit: compares the organisation copy with the roles kept as code and the grants, and its SCPs and
/// RCPs with <c>policies/guardrails/</c> when that folder exists; writes a report. Runs through <see cref="DriftAuditRunner"/>,
/// as a run asked for by hand does, so the two never overlap in a process.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DriftAuditJob(DriftAuditRunner audit) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("drift-audit", "governance");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        => await audit.RunScheduledAsync(cancellationToken).ConfigureAwait(false);
}
