using Governance.Core.Infrastructure.Data;
using TestSupport.Databases;

namespace Scheduler.Tests.Notifications;

/// <summary><see cref="WebhookDispatcherTests"/> on a PostgreSQL database of their own (IAMGOV_TEST_POSTGRES); skipped locally without it, failed on CI.</summary>
public sealed class WebhookDispatcherTests_Postgres : WebhookDispatcherTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<(string? ConnectionString, string? Unavailable)> CreateDatabaseAsync()
        => Task.FromResult<(string?, string?)>(TestPostgres.TryNewDatabase(out var connectionString, out var unavailable)
            ? (connectionString, null) : (null, unavailable));

    protected override Task DropDatabaseAsync(string connectionString) => TestPostgres.DropAsync(connectionString);
}
