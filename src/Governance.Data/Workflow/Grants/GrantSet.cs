using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Workflow.Grants;

/// <summary>The grants' table in the governance database.</summary>
public static class GrantSet
{
    extension(GovernanceDbContext db)
    {
        /// <summary>Grants.</summary>
        public DbSet<Grant> Grants => db.Set<Grant>();
    }
}
