using Governance.Core.Infrastructure.Data;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>A database of its own for one test class: a SQLite file, or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase
{
    /// <summary>The variable CI sets to a PostgreSQL connection string (see .ci/postgres.sh).</summary>
    public const string PostgresVariable = "IAMGOV_TEST_POSTGRES";

    // Test classes run in parallel, each with its own database and pool; PostgreSQL's default 100 connections are
    // shared by all of them, so each pool is kept small (a burst of parallel requests queues for a connection).
    private const int TestPoolSize = 10;

    // A burst of requests serialized on the write lock waits for a pooled connection; on a loaded machine that wait
    // can pass Npgsql's default 15 seconds, which would fail the test for the machine's sake, not the code's.
    private const int PoolWaitSeconds = 120;

    private TestDatabase(DatabaseProvider provider, string? connectionString, string? unavailableReason)
        => (Provider, ConnectionString, UnavailableReason) = (provider, connectionString, unavailableReason);

    public DatabaseProvider Provider { get; }

    public string? ConnectionString { get; }

    /// <summary>Why the database cannot be used here; null when it can.</summary>
    public string? UnavailableReason { get; }

    public static TestDatabase Sqlite(string dataDirectory)
        => new(DatabaseProvider.Sqlite, GovernanceDatabase.SqliteConnectionString(dataDirectory), null);

    /// <summary>A new database on the server named by <see cref="PostgresVariable"/>. Without it, tests skip locally
    /// and fail on CI (CI=true), where a silently skipped PostgreSQL run would hide a broken provider.</summary>
    public static TestDatabase Postgres()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{PostgresVariable} is not set on CI; run `.ci/postgres.sh` and export its output");
            }
            return new TestDatabase(DatabaseProvider.Postgres, null,
                $"{PostgresVariable} is not set: export IAMGOV_TEST_POSTGRES=\"$(bash .ci/postgres.sh)\" to run the PostgreSQL variants");
        }
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"iamgov_test_{Guid.NewGuid():N}", MaxPoolSize = TestPoolSize, Timeout = PoolWaitSeconds };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null);
    }

    public GovernanceDbContext CreateContext() => GovernanceDatabase.Create(Provider, ConnectionString!);

    public async Task DropAsync()
    {
        if (Provider == DatabaseProvider.Postgres && ConnectionString is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var db = CreateContext();
            await db.Database.EnsureDeletedAsync();
        }
    }
}
