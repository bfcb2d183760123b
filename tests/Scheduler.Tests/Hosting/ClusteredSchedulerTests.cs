using Governance.Core.Infrastructure.Data;
using Scheduler.Tests.Infrastructure;
using TestSupport.Databases;

namespace Scheduler.Tests.Hosting;

/// <summary>Two scheduler nodes on one PostgreSQL database (IAMGOV_TEST_POSTGRES); skipped locally without it, failed on CI.</summary>
public sealed class ClusteredSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 10, TimeSpan.Zero);

    [SkippableFact]
    public async Task TwoNodes_OneSchedule_EachFiringRunsOnce()
    {
        // Arrange
        Skip.IfNot(TestPostgres.TryNewDatabase(out var connectionString, out var unavailable), unavailable);
        var settings = new Dictionary<string, string?>
        {
            ["Governance:Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["Governance:Database:ConnectionString"] = connectionString,
        };
        try
        {
            await using var first = await SchedulerHarness.StartAsync(Start, settings: settings);
            await using var second = await SchedulerHarness.StartAsync(Start, settings: settings);

            // Act: both clocks reach 10:01:00
            var at = Start.AddSeconds(50);
            first.Time.SetUtcNow(at);
            second.Time.SetUtcNow(at);
            var firing = await Task.WhenAny(first.Firings.NextAsync(), second.Firings.NextAsync());
            await Task.Delay(TimeSpan.FromSeconds(2)); // time for a wrong second firing to show up

            // Assert
            Assert.Null((await firing).Error);
            Assert.False(first.Firings.Pending && second.Firings.Pending, "a clustered firing runs on one node only");
            Assert.False(first.Firings.Pending || second.Firings.Pending, "and only once");
        }
        finally
        {
            await TestPostgres.DropAsync(connectionString);
        }
    }

    [SkippableFact]
    public async Task Restart_FiringMissedWhileDown_RunsOnceAtStartup()
    {
        // Arrange
        Skip.IfNot(TestPostgres.TryNewDatabase(out var connectionString, out var unavailable), unavailable);
        var settings = new Dictionary<string, string?>
        {
            ["Governance:Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["Governance:Database:ConnectionString"] = connectionString,
        };
        try
        {
            await using (var node = await SchedulerHarness.StartAsync(Start, settings: settings))
            {
                await node.FireAtAsync(Start.AddSeconds(50)); // ran at 10:01:00
            }

            // Act: back at 10:05:20, having missed four firings
            await using var restarted = await SchedulerHarness.StartAsync(Start.AddMinutes(5).AddSeconds(10), settings: settings);
            var catchUp = await restarted.Firings.NextAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));

            // Assert
            Assert.Null(catchUp.Error);
            Assert.False(restarted.Firings.Pending, "the missed firings run once, not once each");
        }
        finally
        {
            await TestPostgres.DropAsync(connectionString);
        }
    }
}
