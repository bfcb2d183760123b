using Microsoft.EntityFrameworkCore.Design;

namespace Governance.Core.Infrastructure.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without the API's configuration.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGovernanceDbContext>
{
    public SqliteGovernanceDbContext CreateDbContext(string[] args)
        => (SqliteGovernanceDbContext)GovernanceDatabase.Create(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}
