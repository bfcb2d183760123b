using Governance.Core.Data;
using Governance.Core.Drift;
using Governance.Core.Provisioning;
using Microsoft.EntityFrameworkCore;
using Scheduler.Hosting;

namespace Scheduler.Drift;

/// <summary>Runs the drift audit on the service's own state and writes its report to the reports folder.</summary>
/// <remarks>
/// Intended: <c>policies/roles/</c> plus every grant the database holds; actual: the account copy the service keeps.
/// Safe to run again: each run writes a report of its own and changes nothing else.
/// </remarks>
internal sealed class DriftAuditService(GovernanceDbContext db, AccountStateStore account, SchedulerPaths paths, DriftReportStore reports, TimeProvider time)
{
    /// <summary>Audits now and writes <c>reports/drift-TIME-ID.json</c>.</summary>
    /// <exception cref="InvalidDataException">A file in <c>policies/roles/</c> is invalid; the message lists every error.</exception>
    public async Task<DriftReport> RunAsync(CancellationToken cancellationToken)
    {
        var ranAt = time.GetUtcNow();
        var (roles, errors) = RoleDefinitionLoader.LoadDirectory(Path.Combine(paths.PoliciesDirectory, "roles"));
        if (!errors.IsEmpty)
        {
            throw new InvalidDataException("policies/roles is invalid: " + string.Join("; ", errors.Select(static e => $"{e.File}: {e.Message}")));
        }
        var grants = await db.Grants.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var findings = DriftCalculator.Compare(new DesiredState(roles, [.. grants]), account.Current, ranAt);
        var report = new DriftReport(Guid.NewGuid(), ranAt, findings);
        await reports.WriteAsync(report, cancellationToken).ConfigureAwait(false);
        return report;
    }
}
