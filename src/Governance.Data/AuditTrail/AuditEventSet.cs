using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.AuditTrail;

/// <summary>The audit chain's table in the governance database.</summary>
public static class AuditEventSet
{
    extension(GovernanceDbContext db)
    {
        /// <summary>The audit chain (append only).</summary>
        public DbSet<AuditEvent> AuditEvents => db.Set<AuditEvent>();
    }
}
