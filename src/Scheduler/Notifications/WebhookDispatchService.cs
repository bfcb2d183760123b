using Governance.Core.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Scheduler.Notifications;

/// <summary>Runs <see cref="WebhookDispatcher"/> every <see cref="NotificationOptions.PollInterval"/> (on <see cref="TimeProvider"/>) in the API and the worker.</summary>
/// <remarks>
/// Not a Quartz job: it runs on every node whatever <c>Governance:Scheduler:Enabled</c> says (the outbox's claims keep
/// nodes from sending twice), and the embedded SQLite setup has no clustered store to rely on.
/// </remarks>
internal sealed class WebhookDispatchService(WebhookDispatcher dispatcher, NotificationOptions options, TimeProvider time, ILogger<WebhookDispatchService> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.WebhooksConfigured(options.Webhooks.Count, string.Join(", ", options.Webhooks.Select(static h => $"{h.Name} ({h.Format})")));
        }
        // Before the node serves requests: cursors created now start at the current heads, so what follows is not missed.
        await dispatcher.FeedAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            try
            {
                await dispatcher.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            // The loop outlives any one failure (the database away, a bug in one event): the next pass tries again,
            // and an exception escaping here would stop the host.
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.DispatchFailed(options.PollInterval, e.GetType().Name, e.Message);
            }
        }
    }
}
