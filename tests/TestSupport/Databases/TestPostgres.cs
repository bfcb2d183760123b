using System.Diagnostics.CodeAnalysis;
using Governance.Core.Infrastructure.Data;
using Npgsql;

namespace TestSupport.Databases;

/// <summary>Fresh PostgreSQL databases on the server <see cref="Variable"/> names (see <c>.ci/postgres.sh</c>).</summary>
public static class TestPostgres
{
    /// <summary>The variable CI sets to a PostgreSQL connection string (see <c>.ci/postgres.sh</c>).</summary>
    public const string Variable = "IAMGOV_TEST_POSTGRES";

    /// <summary>The most connections one test database's pool opens. Test classes run in parallel, each with its own
    /// database and pool; PostgreSQL's default 100 connections are shared by all of them, so each pool is kept small
    /// (a burst of parallel requests queues for a connection).</summary>
    public const int MaxPoolSize = 10;

    /// <summary>How long a test database's connection waits for a pooled connection. A burst of requests serialized on
    /// the write lock waits for one; on a loaded machine that wait can pass Npgsql's default 15 seconds, which would fail
    /// the test for the machine's sake, not the code's.</summary>
    public const int PoolWaitSeconds = 120;

    /// <summary>
    /// A connection string for a new database (made by whoever first migrates it) on the server <see cref="Variable"/>
    /// names. Without the variable there is none, and <paramref name="unavailableReason"/> says why, for the test to
    /// skip locally; on CI (<c>CI=true</c>) it throws instead, as a silently skipped PostgreSQL run would hide a broken
    /// provider.
    /// </summary>
    /// <param name="connectionString">The new database's connection string, with a pool of at most <see cref="MaxPoolSize"/>
    /// that a connection waits up to <see cref="PoolWaitSeconds"/> for.</param>
    /// <param name="unavailableReason">Why there is no database; null when there is one.</param>
    /// <returns>Whether there is a database.</returns>
    public static bool TryNewDatabase([NotNullWhen(true)] out string? connectionString, [NotNullWhen(false)] out string? unavailableReason)
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{Variable} is not set on CI; run `.ci/postgres.sh` and export its output");
            }
            connectionString = null;
            unavailableReason = $"{Variable} is not set: export {Variable}=\"$(bash .ci/postgres.sh)\" to run the PostgreSQL tests";
            return false;
        }
        connectionString = new NpgsqlConnectionStringBuilder(server) { Database = $"iamgov_test_{Guid.NewGuid():N}", MaxPoolSize = MaxPoolSize, Timeout = PoolWaitSeconds }.ConnectionString;
        unavailableReason = null;
        return true;
    }

    /// <summary>Drops the database <paramref name="connectionString"/> names, if it was made, closing pooled connections first.</summary>
    public static async Task DropAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await using var db = GovernanceDatabase.Create(DatabaseProvider.Postgres, connectionString);
        await db.Database.EnsureDeletedAsync();
    }
}
