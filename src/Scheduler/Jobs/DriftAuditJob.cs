using Governance.Core.Drift;
using Governance.Core.Hosting;
using Quartz;

namespace Scheduler.Jobs;

/// <summary>
/// The nightly drift audit: compares the organisation copy with the roles kept as code and the grants, and its SCPs and
/// RCPs with <c>policies/guardrails/</c> when that folder exists; writes a report.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DriftAuditJob(DriftAuditService audit, GovernancePaths paths) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("drift-audit", "governance");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        => await audit.RunAsync(Directory.Exists(paths.GuardrailsDirectory) ? paths.GuardrailsDirectory : null, cancellationToken).ConfigureAwait(false);
}
