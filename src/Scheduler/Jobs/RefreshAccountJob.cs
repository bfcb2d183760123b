using Governance.Core.Infrastructure.Aws.Snapshot;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Scheduler.Jobs;

/// <summary>Reloads the service's account copy from IAM (<c>Governance:Account:Source=Aws</c>), so that the drift audit runs against the real account.</summary>
/// <remarks>Safe to run again: each run replaces the whole copy, and a failed read keeps the last one.</remarks>
[DisallowConcurrentExecution]
public sealed partial class RefreshAccountJob(LiveAccountRefresher refresher, ILogger<RefreshAccountJob> logger) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("refresh-account", "governance");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var fetch = await refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        if (fetch.Success)
        {
            Refreshed(fetch.RequestIds.Count);
        }
        else
        {
            Kept(fetch.Describe());
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Account copy refreshed from IAM ({Pages} pages)")]
    private partial void Refreshed(int pages);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Account copy not refreshed from IAM; the last copy stays: {Reason}")]
    private partial void Kept(string reason);
}
