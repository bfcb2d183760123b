using System.Data.Common;
using Governance.Core.AuditTrail.Checkpoints;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Telemetry;
using Governance.Core.Workflow.Grants;
using Governance.Core.Workflow.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Core.Hosting;

/// <summary>Reads the gauges' state from the database and the checkpoint store, and keeps it for a few seconds.</summary>
/// <remarks>
/// A reading is three indexed queries (the pending count, the oldest pending request, the active grant count) and the
/// newest checkpoint; it is taken at collection time, at most once per <see cref="TelemetryOptions.StateCacheSeconds"/>,
/// so a scraper that calls every second, or several exporters, cost the database one reading per period. The state
/// lives in this reader, not in the process's counters, so every node of a cluster reports the same pending requests.
/// </remarks>
internal sealed class DatabaseStateReader(IServiceScopeFactory scopes, IAuditCheckpointStore checkpoints, TimeProvider time, TelemetryOptions options)
    : IGovernanceStateReader
{
    private readonly Lock _gate = new();
    private (GovernanceState? State, DateTimeOffset ReadAt)? _last;

    /// <inheritdoc />
    public GovernanceState? Read()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_last is { } last && now - last.ReadAt < TimeSpan.FromSeconds(options.StateCacheSeconds) && now >= last.ReadAt)
            {
                return last.State;
            }
            var state = ReadNow(now);
            _last = (state, now);
            return state;
        }
    }

    private GovernanceState? ReadNow(DateTimeOffset now)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
            var pending = db.AccessRequests.AsNoTracking().Where(static r => r.Status == AccessRequestStatus.Pending);
            var count = pending.LongCount();
            var oldest = count == 0 ? (DateTimeOffset?)null : pending.OrderBy(static r => r.CreatedAt).Select(static r => r.CreatedAt).First();
            var active = db.Grants.AsNoTracking().LongCount(static g => g.Status == GrantStatus.Active);
            // Collection is synchronous; the folder store reads one small file.
            var checkpoint = checkpoints.LatestAsync(CancellationToken.None).GetAwaiter().GetResult();
            return new GovernanceState(count, oldest is { } at && now > at ? now - at : TimeSpan.Zero, active,
                checkpoint is null ? null : now - checkpoint.CreatedAt);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException { InnerException: DbException } or InvalidDataException or IOException or TimeoutException)
        {
            // The database or the store is away: the gauges report nothing, and /health/ready says why.
            return null;
        }
    }
}
