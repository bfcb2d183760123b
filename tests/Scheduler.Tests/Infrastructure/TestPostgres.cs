using Governance.Core.Infrastructure.Data;

namespace Scheduler.Tests.Infrastructure;

/// <summary>A fresh PostgreSQL database on the server IAMGOV_TEST_POSTGRES names (see .ci/postgres.sh).</summary>
internal static class TestPostgres
{
    public const string Variable = "IAMGOV_TEST_POSTGRES";

    /// <summary>A connection string for a new database; skips the test locally without the variable, fails it on CI.</summary>
    public static string NewDatabase()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{Variable} is not set on CI; run `.ci/postgres.sh` and export its output");
            }
            Skip.If(true, $"{Variable} is not set: export IAMGOV_TEST_POSTGRES=\"$(bash .ci/postgres.sh)\" to run the PostgreSQL tests");
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"iamgov_sched_{Guid.NewGuid():N}", MaxPoolSize = 10, Timeout = 120 }.ConnectionString;
    }

    public static async Task DropAsync(string connectionString)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var db = GovernanceDatabase.Create(DatabaseProvider.Postgres, connectionString);
        await db.Database.EnsureDeletedAsync();
    }
}
