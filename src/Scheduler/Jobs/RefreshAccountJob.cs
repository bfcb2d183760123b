using Governance.Core.Infrastructure.Aws;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Scheduler.Jobs;

/// <summary>
/// Reads the organisation copy from AWS again (<c>Governance:Account:Source=Aws</c>: one account's IAM;
/// <c>Governance:Organization:Source=Aws</c>: the whole organisation), so that answers and the drift audit follow it.
/// </summary>
/// <remarks>Safe to run again: each run writes a new version only when something changed, and a failed read keeps the last one.</remarks>
[DisallowConcurrentExecution]
public sealed partial class RefreshAccountJob(ILiveCopyRefresher refresher, ILogger<RefreshAccountJob> logger) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("refresh-account", "governance");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var read = await refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        if (read.Success)
        {
            Refreshed(read.Description);
        }
        else
        {
            Kept(read.Description);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Organisation copy refreshed from AWS: {Description}")]
    private partial void Refreshed(string description);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Organisation copy not refreshed from AWS: {Description}")]
    private partial void Kept(string description);
}
