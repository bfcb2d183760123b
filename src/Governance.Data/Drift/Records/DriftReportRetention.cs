using System.Collections.Immutable;
using Governance.Core.AuditTrail;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Drift.Records;

/// <summary>
/// Applies <c>Governance:Retention:DriftReports</c> to the stored reports: removes those past it, with one audit event
/// naming them, and compresses rows stored before compression. Never touches the audit events.
/// </summary>
/// <remarks>
/// Safe to run again and on several nodes at once: the removal runs inside the database's write lock and deletes by id,
/// so a second run finds nothing left to remove and records nothing; compressing a row twice writes the same text.
/// </remarks>
public sealed class DriftReportRetention(GovernanceDbContext db, DriftReportRetentionOptions options, TimeProvider time)
{
    /// <summary>The actor the audit event names.</summary>
    public const string Actor = "system:retention";

    /// <summary>Removes the reports past retention, then compresses any uncompressed ones.</summary>
    public async Task<DriftReportRetentionRun> RunAsync(CancellationToken cancellationToken)
    {
        var removed = await RemoveExpiredAsync(cancellationToken).ConfigureAwait(false);
        var compressed = await CompressAsync(cancellationToken).ConfigureAwait(false);
        return new DriftReportRetentionRun(removed, compressed);
    }

    private async Task<ImmutableArray<Guid>> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        // Ids and times only: a year of nightly runs is a few hundred small rows, and the order is applied here as in ListAsync.
        var stored = await db.DriftReports.AsNoTracking()
            .Select(static r => new { r.Id, r.RanAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var cutoff = time.GetUtcNow().AddDays(-options.KeepDays);
        var expired = stored
            .OrderByDescending(static r => r.RanAt).ThenByDescending(static r => r.Id.ToString("D"), StringComparer.Ordinal)
            .Skip(options.KeepAtLeast)
            .Where(r => r.RanAt < cutoff)
            .Select(static r => r.Id)
            .ToImmutableArray();
        if (expired.IsEmpty)
        {
            return expired;
        }
        var log = await AuditLog.OpenAsync(db, time, cancellationToken).ConfigureAwait(false);
        log.Append(Actor, AuditActions.DriftReportsRemoved, null, null, null, new
        {
            count = expired.Length, reportIds = expired, keepDays = options.KeepDays, keepAtLeast = options.KeepAtLeast,
        });
        await db.DriftReports.Where(r => expired.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return expired;
    }

    private async Task<int> CompressAsync(CancellationToken cancellationToken)
    {
        var uncompressed = await db.DriftReports.AsNoTracking()
            .Where(static r => !r.Content.StartsWith(DriftReportContent.GzipPrefix))
            .Select(static r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var compressed = 0;
        // One row at a time: a report is megabytes, and each update stands alone.
        foreach (var id in uncompressed)
        {
            var content = await db.DriftReports.AsNoTracking().Where(r => r.Id == id)
                .Select(static r => r.Content).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (content is null || DriftReportContent.IsCompressed(content))
            {
                continue;
            }
            var stored = DriftReportContent.Compress(content);
            compressed += await db.DriftReports
                .Where(r => r.Id == id && !r.Content.StartsWith(DriftReportContent.GzipPrefix))
                .ExecuteUpdateAsync(s => s.SetProperty(static r => r.Content, stored), cancellationToken).ConfigureAwait(false);
        }
        return compressed;
    }
}
