using System.Data.Common;
using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Api.Health;

/// <summary>Ready when the database answers; when it does not, the report names it by provider and name.</summary>
/// <remarks>
/// The health endpoints are anonymous: the description names the database's file or database name, never its folder,
/// host or credentials; the log of the failed check (written by the health check service) has the driver's message.
/// </remarks>
internal sealed class DatabaseHealthCheck(GovernanceDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"the database {Name()} does not answer");
        }
        catch (DbException e)
        {
            return HealthCheckResult.Unhealthy($"the database {Name()} does not answer", e);
        }
    }

    private string Name() => DatabaseFile.ShortName(db.Provider, db.Database.GetConnectionString() ?? "");
}
