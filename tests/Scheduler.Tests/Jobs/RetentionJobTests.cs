using Governance.Core.AuditTrail;
using Governance.Core.Drift.Records;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Workflow;
using Microsoft.EntityFrameworkCore;
using Scheduler.Jobs;
using Scheduler.Tests.Infrastructure;
using TestSupport.Databases;

namespace Scheduler.Tests.Jobs;

/// <summary>The retention job fired by the real scheduler on a fake clock (default schedule: 04:30 UTC).</summary>
public sealed class RetentionJobTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 4, 29, 30, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstRun = new(2026, 11, 25, 4, 30, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> KeepThirtyDaysOrTwo = new()
    {
        // Keep the every-minute expiry job and the 03:00 drift audit out of the way
        ["Governance:Scheduler:ExpireGrants:Cron"] = "0 0 0 1 1 ? 2099",
        ["Governance:Scheduler:DriftAudit:Cron"] = "0 0 0 1 1 ? 2099",
        ["Governance:Retention:DriftReports:KeepDays"] = "30",
        ["Governance:Retention:DriftReports:KeepAtLeast"] = "2",
    };

    [Fact]
    public Task Execute_ReportsOfAllAges_RemovesExpiredKeepsNewestAndLeavesAuditEvents() => RemovesExpiredAsync(KeepThirtyDaysOrTwo);

    [SkippableFact]
    public async Task Execute_ReportsOfAllAgesOnPostgres_RemovesExpiredKeepsNewestAndLeavesAuditEvents()
    {
        Skip.IfNot(TestPostgres.TryNewDatabase(out var connectionString, out var unavailable), unavailable);
        try
        {
            await RemovesExpiredAsync(new Dictionary<string, string?>(KeepThirtyDaysOrTwo)
            {
                ["Governance:Database:Provider"] = nameof(DatabaseProvider.Postgres),
                ["Governance:Database:ConnectionString"] = connectionString,
            });
        }
        finally
        {
            await TestPostgres.DropAsync(connectionString);
        }
    }

    private static async Task RemovesExpiredAsync(IReadOnlyDictionary<string, string?> settings)
    {
        // Arrange: four reports stored uncompressed, as before compression, 400, 200, 100 and 10 days old; three audit events
        await using var harness = await SchedulerHarness.StartAsync(Start, settings: settings);
        var ages = new[] { 400, 200, 100, 10 };
        var reports = ages.Select(static days => (Id: Guid.NewGuid(), Days: days, Content: LegacyContent(days))).ToList();
        await using (var db = harness.CreateContext())
        {
            foreach (var (id, days, content) in reports)
            {
                db.DriftReports.Add(new DriftReportRecord { Id = id, RanAt = FirstRun.AddDays(-days), Content = content });
            }
            await db.SaveChangesAsync();
        }
        var copies = new DriftReportStore(Path.Combine(harness.DataDirectory, "reports"));
        Directory.CreateDirectory(copies.Directory);
        foreach (var (id, days, content) in reports)
        {
            await File.WriteAllTextAsync(Path.Combine(copies.Directory, $"drift-{FirstRun.AddDays(-days).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{id:N}.json"), content);
        }
        await AppendAsync(harness, 3);
        var eventsBefore = await EventsAsync(harness);

        // Act: the 04:30 run, then the next night's
        var first = await harness.FireAtAsync(FirstRun);
        var eventsAfterFirst = await EventsAsync(harness);
        var second = await harness.FireAtAsync(FirstRun.AddDays(1));

        // Assert: the 100-day-old report is past 30 days but among the newest two, so it stays
        Assert.Equal(RetentionJob.Key, first.Job);
        Assert.Null(first.Error);
        Assert.Null(second.Error);
        await using var check = harness.CreateContext();
        var left = await check.DriftReports.AsNoTracking().ToListAsync();
        Assert.Equal(
            reports.Where(static r => r.Days <= 100).Select(static r => r.Id).Order(),
            left.Select(static r => r.Id).Order());
        Assert.Equal(
            reports.Where(static r => r.Days <= 100).Select(static r => r.Id.ToString("N")).Order(),
            Directory.GetFiles(copies.Directory).Select(static f => Path.GetFileNameWithoutExtension(f)[^32..]).Order());
        foreach (var row in left)
        {
            Assert.StartsWith("gz:", row.Content, StringComparison.Ordinal);
            Assert.Equal(reports.Single(r => r.Id == row.Id).Content, DriftReportContent.Expand(row.Content));
        }
        // The events before are untouched, one event names the removed reports, and the next night adds none
        var eventsAfter = await EventsAsync(harness);
        Assert.Equal(eventsBefore.Select(static e => e.Hash), eventsAfter.Take(eventsBefore.Count).Select(static e => e.Hash));
        Assert.Equal(eventsBefore.Count + 1, eventsAfter.Count);
        Assert.Equal(eventsAfterFirst.Count, eventsAfter.Count);
        var removal = eventsAfter[^1];
        Assert.Equal(AuditActions.DriftReportsRemoved, removal.Action);
        Assert.Equal(DriftReportRetention.Actor, removal.Actor);
        foreach (var (id, days, _) in reports)
        {
            Assert.Equal(days > 100, removal.After!.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
        }
        Assert.Contains("\"count\":2", removal.After!, StringComparison.Ordinal);
        var verification = await AuditChainVerifier.VerifyAsync(check, CancellationToken.None);
        Assert.True(verification.Valid, verification.Reason);
        Assert.Equal(eventsBefore.Count + 1, verification.Events);
    }

    [Fact]
    public async Task Execute_OnlyOldReports_KeepsTheNewestAndRecordsNothing()
    {
        // Arrange: two reports, both far past 30 days; KeepAtLeast is 2
        await using var harness = await SchedulerHarness.StartAsync(Start, settings: KeepThirtyDaysOrTwo);
        await using (var db = harness.CreateContext())
        {
            db.DriftReports.Add(new DriftReportRecord { Id = Guid.NewGuid(), RanAt = FirstRun.AddDays(-900), Content = LegacyContent(900) });
            db.DriftReports.Add(new DriftReportRecord { Id = Guid.NewGuid(), RanAt = FirstRun.AddDays(-800), Content = LegacyContent(800) });
            await db.SaveChangesAsync();
        }

        // Act
        var firing = await harness.FireAtAsync(FirstRun);

        // Assert
        Assert.Null(firing.Error);
        await using var check = harness.CreateContext();
        Assert.Equal(2, await check.DriftReports.CountAsync());
        Assert.Empty(await EventsAsync(harness));
    }

    private static string LegacyContent(int days) => $$"""{"id":"legacy-{{days}}","padding":"{{new string('x', 2000)}}"}""";

    private static async Task<List<AuditEvent>> EventsAsync(SchedulerHarness harness)
    {
        await using var db = harness.CreateContext();
        return await db.AuditEvents.AsNoTracking().OrderBy(static e => e.Sequence).ToListAsync();
    }

    private static async Task AppendAsync(SchedulerHarness harness, int count)
    {
        await using var db = harness.CreateContext();
        await using var transaction = await db.BeginWriteAsync(CancellationToken.None);
        var log = await AuditLog.OpenAsync(db, harness.Time, CancellationToken.None);
        for (var i = 0; i < count; i++)
        {
            log.Append("alice", "test.recorded", null, null, null, new { i });
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
