using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Infrastructure.Data;

/// <summary>The governance database on PostgreSQL; migrations under <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresGovernanceDbContext(DbContextOptions<PostgresGovernanceDbContext> options) : GovernanceDbContext(options)
{
    /// <summary>The advisory lock key that serializes writers (ASCII "iamgovwr").</summary>
    internal const long WriteLockKey = 0x69616d676f767772;

    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    /// <inheritdoc />
    protected override async Task AcquireWriteLockAsync(CancellationToken cancellationToken)
        => await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriteLockKey})", cancellationToken).ConfigureAwait(false);
}
