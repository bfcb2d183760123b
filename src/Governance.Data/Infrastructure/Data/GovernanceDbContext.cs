using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Core.Infrastructure.Data;

/// <summary>The governance database: requests, grants, the audit chain and drift reports.</summary>
/// <remarks>
/// Each feature maps its own entities (an <c>IEntityTypeConfiguration</c> beside the entity, found by
/// <see cref="OnModelCreating"/>) and reaches its table through an extension property beside it, so that the
/// database knows no feature and features depend on it one way.
/// One subclass per provider (<see cref="SqliteGovernanceDbContext"/>, <see cref="PostgresGovernanceDbContext"/>),
/// because each has its own migrations; <see cref="GovernanceDatabase"/> picks one from configuration.
/// </remarks>
public abstract class GovernanceDbContext : DbContext
{
    /// <summary>Creates the context with provider options.</summary>
    protected GovernanceDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The provider this context talks to.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// Begins a write transaction holding the database's write lock, so that audit appends are serialized across
    /// processes: SQLite's <c>BEGIN IMMEDIATE</c>, PostgreSQL's transaction-scoped advisory lock.
    /// </summary>
    public async Task<IDbContextTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var transaction = await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await AcquireWriteLockAsync(cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Takes the provider's write lock inside the current transaction.</summary>
    protected abstract Task AcquireWriteLockAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GovernanceDbContext).Assembly);
    }
}
