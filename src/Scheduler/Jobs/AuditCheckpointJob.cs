using Governance.Core.AuditTrail.Checkpoints;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Scheduler.Jobs;

/// <summary>
/// Signs the audit chain when a checkpoint is due (<c>Governance:Audit:Checkpoints:EveryEvents</c> new events, or
/// <c>EveryMinutes</c> since the last checkpoint with new events), and stores the checkpoint outside the database.
/// </summary>
/// <remarks>
/// Safe to run again and on several nodes: the writer holds the database's write lock, starts after the last stored
/// checkpoint, and never stores a range twice; on PostgreSQL the clustered store also fires each run on one node only.
/// </remarks>
[DisallowConcurrentExecution]
public sealed partial class AuditCheckpointJob(AuditCheckpointWriter writer, ILogger<AuditCheckpointJob> logger) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("audit-checkpoints", "governance");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var run = await writer.WriteDueAsync(cancellationToken).ConfigureAwait(false);
        if (run.Refusal is { } problem)
        {
            Refused(problem.Sequence, problem.Message);
        }
        else if (run.Written > 0)
        {
            Written(run.Written, run.CoveredTo);
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "{Count} audit checkpoint(s) written; events up to {Sequence} are signed")]
    private partial void Written(int count, long sequence);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "Audit checkpoint not signed: the chain is broken at event {Sequence}: {Reason}")]
    private partial void Refused(long sequence, string reason);
}
