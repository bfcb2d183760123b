using Microsoft.EntityFrameworkCore.Design;

namespace Governance.Core.Infrastructure.Data;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context; generating migrations needs no running server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGovernanceDbContext>
{
    public PostgresGovernanceDbContext CreateDbContext(string[] args)
        => (PostgresGovernanceDbContext)GovernanceDatabase.Create(DatabaseProvider.Postgres, "Host=localhost;Database=iamgov_design");
}
