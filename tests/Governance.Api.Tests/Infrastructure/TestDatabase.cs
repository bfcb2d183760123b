using Governance.Core.Infrastructure.Data;
using TestSupport.Databases;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>A database of its own for one test class: a SQLite file, or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase
{
    private TestDatabase(DatabaseProvider provider, string? connectionString, string? unavailableReason)
        => (Provider, ConnectionString, UnavailableReason) = (provider, connectionString, unavailableReason);

    public DatabaseProvider Provider { get; }

    public string? ConnectionString { get; }

    /// <summary>Why the database cannot be used here; null when it can.</summary>
    public string? UnavailableReason { get; }

    public static TestDatabase Sqlite(string dataDirectory)
        => new(DatabaseProvider.Sqlite, GovernanceDatabase.SqliteConnectionString(dataDirectory), null);

    /// <summary>A new database on the server <see cref="TestPostgres.Variable"/> names. Without it, tests skip locally
    /// (<see cref="UnavailableReason"/>) and fail on CI (CI=true), where a silently skipped PostgreSQL run would hide a broken provider.</summary>
    public static TestDatabase Postgres()
    {
        TestPostgres.TryNewDatabase(out var connectionString, out var unavailableReason);
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, unavailableReason);
    }

    /// <summary>The same PostgreSQL database reached through <paramref name="host"/>:<paramref name="port"/> (a proxy a test can cut).</summary>
    public TestDatabase Through(string host, int port)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Host = host, Port = port };
        return new TestDatabase(Provider, builder.ConnectionString, UnavailableReason);
    }

    public GovernanceDbContext CreateContext() => GovernanceDatabase.Create(Provider, ConnectionString!);

    public async Task DropAsync()
    {
        if (Provider == DatabaseProvider.Postgres && ConnectionString is not null)
        {
            await TestPostgres.DropAsync(ConnectionString);
        }
    }
}
