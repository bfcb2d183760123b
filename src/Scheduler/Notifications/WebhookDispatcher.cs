using Governance.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scheduler.Notifications;

/// <summary>One pass of the notification outbox: records new events, then attempts every delivery that is due.</summary>
/// <remarks>
/// Every node that has webhooks configured runs it (<see cref="WebhookDispatchService"/>); the feed's write lock and
/// the deliveries' claims (<see cref="DeliveryQueue"/>) make each event recorded once and each attempt made by one node.
/// Tests call it directly, moving a fake clock between passes.
/// </remarks>
public sealed class WebhookDispatcher
{
    private const int BatchSize = 50;

    private readonly IServiceScopeFactory _scopes;
    private readonly WebhookSender _sender;
    private readonly NotificationOptions _options;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly TimeProvider _time;
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    internal WebhookDispatcher(IServiceScopeFactory scopes, WebhookSender sender, NotificationOptions options, TimeProvider time,
        ILogger<WebhookDispatcher> logger)
        => (_scopes, _sender, _options, _time, _logger) = (scopes, sender, options, time, logger);

    /// <summary>Records new events only: what a node does at start, so that its cursors begin before it serves a request.</summary>
    public async Task<int> FeedAsync(CancellationToken cancellationToken)
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await scope.ServiceProvider.GetRequiredService<NotificationFeed>().FeedAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records new events and attempts the due deliveries, one after another.</summary>
    public async Task<DispatchRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var recorded = await FeedAsync(cancellationToken).ConfigureAwait(false);
        var webhooks = _options.Webhooks.ToDictionary(static h => h.Name, StringComparer.Ordinal);
        var (delivered, failed) = (0, 0);
        // A receiver that failed in this pass is not tried again in it: one that hangs costs the pass one timeout, not one per event.
        var failing = new HashSet<string>(StringComparer.Ordinal);
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var queue = scope.ServiceProvider.GetRequiredService<DeliveryQueue>();
            // Old rows go once an hour per node: often enough to keep the outbox small, rarely enough to cost nothing.
            if (_time.GetUtcNow() - _prunedAt >= TimeSpan.FromHours(1))
            {
                await queue.PruneAsync(cancellationToken).ConfigureAwait(false);
                _prunedAt = _time.GetUtcNow();
            }
            foreach (var delivery in await queue.DueAsync(BatchSize, cancellationToken).ConfigureAwait(false))
            {
                if (failing.Contains(delivery.Webhook))
                {
                    continue;
                }
                if (await queue.TryClaimAsync(delivery, cancellationToken).ConfigureAwait(false) is not { } attempt)
                {
                    continue;
                }
                var webhook = webhooks[delivery.Webhook];
                var notification = delivery.Event;
                var error = await _sender.SendAsync(webhook, notification, cancellationToken).ConfigureAwait(false);
                if (error is null)
                {
                    await queue.RecordDeliveredAsync(delivery.Id, attempt, cancellationToken).ConfigureAwait(false);
                    _logger.WebhookDelivered(webhook.Name, notification.Type, notification.Id, attempt);
                    delivered++;
                    continue;
                }
                failed++;
                failing.Add(webhook.Name);
                if (await queue.RecordFailedAsync(delivery.Id, attempt, error, cancellationToken).ConfigureAwait(false) is { } next)
                {
                    _logger.WebhookAttemptFailed(webhook.Name, notification.Type, notification.Id, attempt, _options.MaxAttempts, error, next);
                }
                else
                {
                    _logger.WebhookGivenUp(webhook.Name, notification.Type, notification.Id, attempt, error);
                }
            }
        }
        return new DispatchRun(recorded, delivered, failed);
    }
}
