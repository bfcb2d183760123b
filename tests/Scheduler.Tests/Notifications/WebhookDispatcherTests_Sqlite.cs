using Governance.Core.Infrastructure.Data;
using TestSupport.Files;

namespace Scheduler.Tests.Notifications;

/// <summary><see cref="WebhookDispatcherTests"/> on a SQLite file of their own.</summary>
public sealed class WebhookDispatcherTests_Sqlite : WebhookDispatcherTests, IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<(string? ConnectionString, string? Unavailable)> CreateDatabaseAsync()
        => Task.FromResult<(string?, string?)>((GovernanceDatabase.SqliteConnectionString(_folder.Path), null));

    protected override Task DropDatabaseAsync(string connectionString)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();
}
