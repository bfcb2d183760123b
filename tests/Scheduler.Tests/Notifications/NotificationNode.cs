using Governance.Core.AuditTrail;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Scheduler.Notifications;

namespace Scheduler.Tests.Notifications;

/// <summary>
/// One node's notification services, as the API or the worker registers them (<see cref="NotificationSetup.AddGovernanceNotifications"/>),
/// on a shared database and a fake clock; several nodes may share both.
/// </summary>
internal sealed class NotificationNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public NotificationNode(DatabaseProvider provider, string connectionString, FakeTimeProvider time, IReadOnlyDictionary<string, string?> settings)
    {
        (Provider, ConnectionString, Time) = (provider, connectionString, time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddGovernanceDatabase(provider, connectionString);
        services.AddScoped<NotificationFeed>();
        services.AddScoped<DeliveryQueue>();
        services.AddGovernanceNotifications(configuration);
        _services = services.BuildServiceProvider();
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Time { get; }

    public WebhookDispatcher Dispatcher => _services.GetRequiredService<WebhookDispatcher>();

    /// <summary>The hosted service the API and the worker start: it feeds at start, then passes every poll interval of the clock.</summary>
    public IHostedService Loop => _services.GetServices<IHostedService>().Single();

    public GovernanceDbContext CreateContext() => GovernanceDatabase.Create(Provider, ConnectionString);

    /// <summary>Appends workflow events to the audit chain, as the services do, each in its own write transaction.</summary>
    public async Task AppendAsync(string action, Guid? requestId = null, Guid? grantId = null, string actor = "alice")
    {
        await using var db = CreateContext();
        await using var transaction = await db.BeginWriteAsync(CancellationToken.None);
        var log = await AuditLog.OpenAsync(db, Time, CancellationToken.None);
        log.Append(actor, action, requestId, grantId, null, null);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Claims the first due delivery's next attempt and goes no further, as a node killed mid-attempt does; returns its id and attempt.</summary>
    public async Task<(Guid Delivery, int Attempt)> ClaimAndStopAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<DeliveryQueue>();
        var due = (await queue.DueAsync(1, CancellationToken.None))[0];
        var attempt = await queue.TryClaimAsync(due, CancellationToken.None);
        return (due.Id, attempt!.Value);
    }

    /// <summary>Records an attempt as accepted, as a node does after the receiver answered.</summary>
    public async Task RecordDeliveredAsync(Guid delivery, int attempt)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliveryQueue>().RecordDeliveredAsync(delivery, attempt, CancellationToken.None);
    }

    public async Task<IReadOnlyList<WebhookStatus>> StatusAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryQueue>().StatusAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
