using Governance.Core.Hosting;
using Governance.Core.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Scheduler.Notifications;

/// <summary>Registers webhook delivery in the API or the worker, when <c>Governance:Notifications:Webhooks</c> lists any.</summary>
public static class NotificationSetup
{
    /// <summary>
    /// Adds the dispatcher, its HTTP client (<see cref="NotificationOptions.Timeout"/>, no redirects) and the hosted
    /// service that runs it; nothing when no webhook is configured. The outbox's own services come from
    /// <see cref="GovernanceCoreSetup.AddGovernanceCore"/>.
    /// </summary>
    public static IServiceCollection AddGovernanceNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = GovernanceOptions.Read(configuration).Notifications;
        if (options.Webhooks.Count == 0)
        {
            return services;
        }
        services.TryAddSingleton(options);
        services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = options.Timeout)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton(static sp => new WebhookDispatcher(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<WebhookSender>(),
            sp.GetRequiredService<NotificationOptions>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<WebhookDispatcher>>()));
        services.AddHostedService<WebhookDispatchService>();
        return services;
    }
}
