using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Core.Infrastructure.Data;

/// <summary>The one place that chooses the database provider and its migrations.</summary>
public static class GovernanceDatabase
{
    /// <summary>The SQLite connection string for a data folder.</summary>
    public static string SqliteConnectionString(string dataDirectory)
        => $"Data Source={Path.Combine(dataDirectory, "governance.db")};Pooling=True";

    /// <summary>Registers the provider's context, and <see cref="GovernanceDbContext"/> as an alias for it.</summary>
    public static IServiceCollection AddGovernanceDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<SqliteGovernanceDbContext>(o => ConfigureSqlite(o, connectionString));
                services.AddScoped<GovernanceDbContext>(static sp => sp.GetRequiredService<SqliteGovernanceDbContext>());
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<PostgresGovernanceDbContext>(o => ConfigurePostgres(o, connectionString));
                services.AddScoped<GovernanceDbContext>(static sp => sp.GetRequiredService<PostgresGovernanceDbContext>());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "unknown database provider");
        }
        return services;
    }

    /// <summary>Creates a context outside dependency injection (tests, tools).</summary>
    public static GovernanceDbContext Create(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteGovernanceDbContext(Options<SqliteGovernanceDbContext>(ConfigureSqlite, connectionString)),
        DatabaseProvider.Postgres => new PostgresGovernanceDbContext(Options<PostgresGovernanceDbContext>(ConfigurePostgres, connectionString)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "unknown database provider"),
    };

    /// <summary>Applies pending migrations; on SQLite also switches the file to WAL so readers never block the writer.</summary>
    public static async Task MigrateAsync(GovernanceDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }

    private static DbContextOptions<T> Options<T>(Action<DbContextOptionsBuilder, string> configure, string connectionString)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder, connectionString);
        return builder.Options;
    }

    private static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString)
        => o.UseSqlite(connectionString, static s => s.CommandTimeout(60));

    private static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) => o.UseNpgsql(connectionString);
}
