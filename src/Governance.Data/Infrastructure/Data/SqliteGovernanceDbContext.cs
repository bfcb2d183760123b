using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Infrastructure.Data;

/// <summary>The governance database on SQLite; migrations under <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteGovernanceDbContext(DbContextOptions<SqliteGovernanceDbContext> options) : GovernanceDbContext(options)
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <inheritdoc />
    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) already holds the database's write lock.
    protected override Task AcquireWriteLockAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no date type that sorts and compares; UTC ticks in an integer do both.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
