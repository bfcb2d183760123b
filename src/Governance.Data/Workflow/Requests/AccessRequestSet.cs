using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Workflow.Requests;

/// <summary>The access requests' table in the governance database.</summary>
public static class AccessRequestSet
{
    extension(GovernanceDbContext db)
    {
        /// <summary>Access requests.</summary>
        public DbSet<AccessRequest> AccessRequests => db.Set<AccessRequest>();
    }
}
