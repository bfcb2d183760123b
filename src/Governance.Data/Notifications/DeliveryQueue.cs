using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Notifications;

/// <summary>The deliveries due, the claim of one attempt, and what an attempt's result does to its row.</summary>
/// <remarks>
/// Safe with several nodes on one database: an attempt is claimed by a conditional update on the attempt count the
/// node read, so only one node's claim succeeds; results are written under the same condition, so a node whose lease
/// ran out (and whose attempt another node has taken over) changes nothing. Delivery is at least once: a receiver
/// drops a repeat by the <c>X-Event-Id</c> header.
/// </remarks>
public sealed class DeliveryQueue(GovernanceDbContext db, NotificationOptions options, TimeProvider time)
{
    /// <summary>Up to <paramref name="limit"/> pending deliveries to configured webhooks that are due now, with their events:
    /// oldest due first, and of those due together, in the order the events happened.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> DueAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var names = options.Webhooks.Select(static h => h.Name).ToList();
        return await db.WebhookDeliveries.AsNoTracking().Include(static d => d.Event)
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && names.Contains(d.Webhook))
            .OrderBy(static d => d.NextAttemptAt)
            .ThenBy(static d => d.Event.OccurredAt)
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the next attempt of <paramref name="delivery"/> (as read by <see cref="DueAsync"/>) if no other node has:
    /// counts it and holds the row for the attempt's lease. Returns the attempt's number, or null when another node has it.
    /// </summary>
    public async Task<int?> TryClaimAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var now = time.GetUtcNow();
        // The lease outlasts the request's timeout, so a live node always finishes before another may take the row over.
        var leaseEnd = now + (options.Timeout * 2) + TimeSpan.FromSeconds(30);
        var (id, seen) = (delivery.Id, delivery.Attempts);
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && d.Attempts == seen)
            .ExecuteUpdateAsync(s => s
                .SetProperty(static d => d.Attempts, static d => d.Attempts + 1)
                .SetProperty(static d => d.NextAttemptAt, leaseEnd)
                .SetProperty(static d => d.LastAttemptAt, now), cancellationToken).ConfigureAwait(false);
        return claimed == 1 ? seen + 1 : null;
    }

    /// <summary>Records that attempt <paramref name="attempt"/> was accepted.</summary>
    public async Task RecordDeliveredAsync(Guid deliveryId, int attempt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.Attempts == attempt && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(static d => d.Status, DeliveryStatus.Delivered)
                .SetProperty(static d => d.DeliveredAt, now)
                .SetProperty(static d => d.LastError, (string?)null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records that attempt <paramref name="attempt"/> failed with <paramref name="error"/>: due again after the backoff
    /// (<see cref="NotificationOptions.RetryDelayAfter"/>), or given up after <see cref="NotificationOptions.MaxAttempts"/>.
    /// </summary>
    /// <returns>When the next attempt is due; null when the delivery was given up.</returns>
    public async Task<DateTimeOffset?> RecordFailedAsync(Guid deliveryId, int attempt, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var now = time.GetUtcNow();
        var text = error.Length <= 512 ? error : error[..512];
        var mine = db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.Attempts == attempt && d.Status == DeliveryStatus.Pending);
        if (attempt >= options.MaxAttempts)
        {
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(static d => d.Status, DeliveryStatus.Failed)
                .SetProperty(static d => d.LastError, text), cancellationToken).ConfigureAwait(false);
            return null;
        }
        var next = now + options.RetryDelayAfter(attempt);
        await mine.ExecuteUpdateAsync(s => s
            .SetProperty(static d => d.NextAttemptAt, next)
            .SetProperty(static d => d.LastError, text), cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>
    /// Removes the events that happened more than <see cref="NotificationOptions.Retention"/> ago and that no delivery
    /// still waits for, with their deliveries; returns how many events.
    /// </summary>
    /// <remarks>A grant's ending notice is looked up by its event, so the retention must outlast the notice period (checked at start).</remarks>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Retention;
        var (events, deliveries) = (db.NotificationEvents, db.WebhookDeliveries);
        var old = events.Where(e => e.OccurredAt < cutoff && !deliveries.Any(d => d.EventId == e.Id && d.Status == DeliveryStatus.Pending));
        await deliveries.Where(d => old.Any(e => e.Id == d.EventId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return await events.Where(e => e.OccurredAt < cutoff && !deliveries.Any(d => d.EventId == e.Id))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How each configured webhook's deliveries stand.</summary>
    public async Task<IReadOnlyList<WebhookStatus>> StatusAsync(CancellationToken cancellationToken)
    {
        var statuses = new List<WebhookStatus>();
        foreach (var name in options.Webhooks.Select(static h => h.Name))
        {
            var last = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.Webhook == name && d.LastAttemptAt != null)
                .OrderByDescending(static d => d.LastAttemptAt)
                .Select(static d => new { d.LastError, d.LastAttemptAt })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var retrying = await db.WebhookDeliveries.CountAsync(d => d.Webhook == name && d.Status == DeliveryStatus.Pending && d.LastError != null, cancellationToken)
                .ConfigureAwait(false);
            var givenUp = await db.WebhookDeliveries.CountAsync(d => d.Webhook == name && d.Status == DeliveryStatus.Failed, cancellationToken).ConfigureAwait(false);
            statuses.Add(new WebhookStatus(name, last?.LastError, last?.LastAttemptAt, retrying, givenUp));
        }
        return statuses;
    }
}
