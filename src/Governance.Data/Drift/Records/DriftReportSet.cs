using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Drift.Records;

/// <summary>The drift reports' table in the governance database.</summary>
public static class DriftReportSet
{
    extension(GovernanceDbContext db)
    {
        /// <summary>The drift audit's reports, one per run.</summary>
        public DbSet<DriftReportRecord> DriftReports => db.Set<DriftReportRecord>();
    }
}
