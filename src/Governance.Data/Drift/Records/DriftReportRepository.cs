using System.Collections.Immutable;
using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Drift.Records;

/// <summary>The drift reports in the governance database, shared by every node of a cluster.</summary>
public sealed class DriftReportRepository(GovernanceDbContext db)
{
    /// <summary>Stores <paramref name="report"/>.</summary>
    public async Task AddAsync(DriftReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = DriftReportSummary.Of(report);
        db.DriftReports.Add(new DriftReportRecord
        {
            Id = report.Id,
            RanAt = report.RanAt,
            Findings = summary.Findings,
            Critical = summary.Critical,
            High = summary.High,
            Medium = summary.Medium,
            Low = summary.Low,
            Content = DriftReportContent.Compress(DriftReportJson.Write(report, compact: true)),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest reports' summaries, newest first; the reports themselves are not read.</summary>
    public Task<ImmutableArray<DriftReportSummary>> ListAsync(int limit, CancellationToken cancellationToken)
        => ListAsync(0, limit, cancellationToken);

    /// <summary>
    /// One page of the summaries: newest run first, and runs at the same time by id, descending (the order on both
    /// databases: SQLite compares the ids' text, PostgreSQL their bytes, which is the same order).
    /// </summary>
    public async Task<ImmutableArray<DriftReportSummary>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var rows = await db.DriftReports.AsNoTracking()
            .OrderByDescending(static r => r.RanAt).ThenByDescending(static r => r.Id)
            .Skip(skip).Take(take)
            .Select(static r => new DriftReportSummary(r.Id, r.RanAt, r.Findings, r.Critical, r.High, r.Medium, r.Low))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows];
    }

    /// <summary>How many reports are stored.</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken) => db.DriftReports.CountAsync(cancellationToken);

    /// <summary>The report with <paramref name="id"/>, or null.</summary>
    public async Task<DriftReport?> FindAsync(Guid id, CancellationToken cancellationToken)
        => Read(await db.DriftReports.AsNoTracking().Where(r => r.Id == id)
            .Select(static r => r.Content).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>The newest report, which the next run compares with; null before the first run.</summary>
    public async Task<DriftReport?> LatestAsync(CancellationToken cancellationToken)
        => Read(await db.DriftReports.AsNoTracking()
            .OrderByDescending(static r => r.RanAt).ThenByDescending(static r => r.Id)
            .Select(static r => r.Content).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false));

    private static DriftReport? Read(string? content)
    {
        if (content is null)
        {
            return null;
        }
        var read = DriftReportJson.Read(DriftReportContent.Expand(content), "drift_reports.content");
        // Only this code writes the column: a row it cannot read is a bug or tampering, not input to skip.
        return read.Success ? read.Value : throw new InvalidDataException(read.Error.Detail);
    }
}
