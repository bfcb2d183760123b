using Governance.Core.Drift.Records;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Scheduler.Jobs;

/// <summary>
/// Applies <c>Governance:Retention</c>: removes the drift reports past it, recording their ids in one audit event, and
/// compresses reports stored before compression; deletes the removed reports' copies in the reports folder. The audit
/// log and its checkpoints are never pruned.
/// </summary>
/// <remarks>Safe to run again and on several nodes: see <see cref="DriftReportRetention"/>; on PostgreSQL the clustered
/// store also fires each run on one node only.</remarks>
[DisallowConcurrentExecution]
public sealed partial class RetentionJob(DriftReportRetention retention, DriftReportStore copies, ILogger<RetentionJob> logger) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("retention", "governance");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var run = await retention.RunAsync(cancellationToken).ConfigureAwait(false);
        // The copies in this node's reports folder follow the database; another node's folder keeps its own.
        foreach (var id in run.Removed)
        {
            copies.Delete(id);
        }
        if (run.Removed.Length > 0 || run.Compressed > 0)
        {
            Applied(run.Removed.Length, run.Compressed);
        }
    }

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Retention: {Removed} drift report(s) removed, {Compressed} compressed")]
    private partial void Applied(int removed, int compressed);
}
