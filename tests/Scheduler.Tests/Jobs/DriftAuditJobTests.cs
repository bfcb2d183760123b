using System.Text.Json;
using Governance.Core.Drift.Records;
using Governance.Core.Infrastructure.Data;
using PolicyEngine.Analysis;
using Scheduler.Jobs;
using Scheduler.Tests.Infrastructure;
using TestSupport.Databases;

namespace Scheduler.Tests.Jobs;

/// <summary>The nightly drift audit fired by the real scheduler on a fake clock (default schedule: 03:00 UTC).</summary>
public sealed class DriftAuditJobTests
{
    private static readonly Dictionary<string, string?> OnlyDriftAudit = new()
    {
        ["Governance:Scheduler:ExpireGrants:Cron"] = "0 0 0 1 1 ? 2099", // keep the every-minute job out of the way
        ["Governance:Scheduler:Retention:Cron"] = "0 0 0 1 1 ? 2099", // and the 04:30 retention job, passed on the way to the next night
    };

    [Fact]
    public async Task Execute_At0300_WritesReportWithDemoDriftAndIgnoresProvisionedGrant()
    {
        // Arrange
        var start = new DateTimeOffset(2026, 11, 25, 2, 59, 30, TimeSpan.Zero);
        await using var harness = await SchedulerHarness.StartAsync(start, settings: OnlyDriftAudit);
        await harness.GrantAsync(start.AddHours(-1), start.AddHours(4));

        // Act
        var firing = await harness.FireAtAsync(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));

        // Assert
        Assert.Equal(DriftAuditJob.Key, firing.Job);
        Assert.Null(firing.Error);
        var report = Assert.Single(Directory.GetFiles(Path.Combine(harness.DataDirectory, "reports"), "drift-20261125T030000Z-*.json"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(static f => (Kind: f.GetProperty("kind").GetString(), Principal: f.GetProperty("principal").GetString()))
            .ToList();
        Assert.Contains(("PolicyDrift", "arn:aws:iam::111122223333:role/data-engineer"), findings);
        Assert.Equal(1, findings.Count(static f => f.Principal == SchedulerHarness.RoleArn));
        Assert.DoesNotContain(findings, static f => f.Kind is "GrantMissing" or "StaleGrant");
        await using var db = harness.CreateContext();
        var stored = Assert.Single(await new DriftReportRepository(db).ListAsync(10, CancellationToken.None));
        Assert.Equal(json.RootElement.GetProperty("id").GetGuid(), stored.Id);
    }

    [Fact]
    public Task Execute_SecondNight_ComparedWithTheFirstStoredReport() => SecondNightAsync(OnlyDriftAudit);

    [SkippableFact]
    public async Task Execute_SecondNightOnPostgres_ComparedWithTheFirstStoredReport()
    {
        Skip.IfNot(TestPostgres.TryNewDatabase(out var connectionString, out var unavailable), unavailable);
        try
        {
            await SecondNightAsync(new Dictionary<string, string?>(OnlyDriftAudit)
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

    private static async Task SecondNightAsync(IReadOnlyDictionary<string, string?> settings)
    {
        // Arrange: a first run, then a grant provisioned during the day
        var start = new DateTimeOffset(2026, 11, 25, 2, 59, 30, TimeSpan.Zero);
        await using var harness = await SchedulerHarness.StartAsync(start, settings: settings);
        Assert.Null((await harness.FireAtAsync(start.AddSeconds(30))).Error);
        await harness.GrantAsync(start.AddHours(1), start.AddDays(2));

        // Act
        var firing = await harness.FireAtAsync(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));

        // Assert
        Assert.Null(firing.Error);
        await using var db = harness.CreateContext();
        var repository = new DriftReportRepository(db);
        var runs = await repository.ListAsync(10, CancellationToken.None);
        Assert.Equal(2, runs.Length);
        var second = await repository.FindAsync(runs[0].Id, CancellationToken.None);
        Assert.Equal(runs[1].Id, second!.Previous?.Id);
        var delta = Assert.Single(second.AccessDelta);
        Assert.Equal((SchedulerHarness.RoleArn, PrincipalChange.Changed), (delta.Principal, delta.Change));
        Assert.Contains(delta.Actions, static a => a.Kind == AccessChangeKind.Added && a.Action == "s3:GetObject" && a.Resources.Contains("arn:aws:s3:::lake-raw/*"));
        Assert.DoesNotContain(second.Findings, static f => f.Kind == DriftKind.NewRisk); // the first run already reported the demo's risks
        Assert.Equal(2, Directory.GetFiles(Path.Combine(harness.DataDirectory, "reports"), "drift-*.json").Length);
    }
}
