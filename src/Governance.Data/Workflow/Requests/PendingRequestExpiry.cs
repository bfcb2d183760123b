using Governance.Core.AuditTrail;
using Governance.Core.Identity;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Workflow.Requests;

/// <summary>
/// Closes requests left pending too long (<c>Governance:Requests:PendingTtl</c>), so that approvals cannot be gathered
/// for a request whose justification and preview have gone stale, and the queue approvers see stays bounded.
/// </summary>
/// <remarks>Safe to run again: it picks only requests still pending, in batches of 500, under the write lock.</remarks>
public sealed class PendingRequestExpiry(GovernanceDbContext db, GovernanceMetrics metrics, TimeProvider time)
{
    private const int Batch = 500;

    /// <summary>Marks every request pending for longer than <paramref name="ttl"/> expired, each with a <c>request.expired</c> event.</summary>
    /// <returns>How many expired.</returns>
    public async Task<int> ExpireAsync(TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var now = time.GetUtcNow();
        var cutoff = now - ttl;
        await using var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var due = await db.AccessRequests.Where(r => r.Status == AccessRequestStatus.Pending && r.CreatedAt <= cutoff)
            .OrderBy(static r => r.CreatedAt).Take(Batch)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return 0;
        }
        var audit = await AuditLog.OpenAsync(db, time, cancellationToken).ConfigureAwait(false);
        foreach (var request in due)
        {
            var before = RequestAuditState.Of(request);
            request.Close(AccessRequestStatus.Expired, Actor.SystemId, $"pending for longer than {ttl}", now);
            audit.Append(Actor.SystemId, AuditActions.RequestExpired, request.Id, null, before, RequestAuditState.Of(request));
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        metrics.RequestsDecided("expired", due.Count);
        return due.Count;
    }
}
