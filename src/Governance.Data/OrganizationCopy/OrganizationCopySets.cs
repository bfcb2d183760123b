using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.OrganizationCopy;

/// <summary>The organisation copy's tables in the governance database.</summary>
public static class OrganizationCopySets
{
    extension(GovernanceDbContext db)
    {
        /// <summary>The versions of the organisation copy.</summary>
        public DbSet<OrganizationVersion> OrganizationVersions => db.Set<OrganizationVersion>();

        /// <summary>The snapshot files the versions hold, by content hash.</summary>
        public DbSet<OrganizationDocument> OrganizationDocuments => db.Set<OrganizationDocument>();
    }
}
