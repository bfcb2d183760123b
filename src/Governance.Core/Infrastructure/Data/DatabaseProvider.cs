namespace Governance.Core.Infrastructure.Data;

/// <summary>The databases the service runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file under the data folder: the embedded default.</summary>
    Sqlite,

    /// <summary>PostgreSQL, for production and several service instances.</summary>
    Postgres,
}
