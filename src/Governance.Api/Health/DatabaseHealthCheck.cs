using Governance.Core.Infrastructure.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Api.Health;

/// <summary>Ready when the database answers.</summary>
internal sealed class DatabaseHealthCheck(GovernanceDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the database does not answer");
}
