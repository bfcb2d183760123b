using Governance.Core.AuditTrail;
using Governance.Core.Workflow;
using Governance.Core.Workflow.Grants;
using Microsoft.EntityFrameworkCore;
using Scheduler.Jobs;
using Scheduler.Tests.Infrastructure;

namespace Scheduler.Tests.Jobs;

/// <summary>Grant expiry fired by the real scheduler on a fake clock (default schedule: every minute, on the minute).</summary>
public sealed class ExpireGrantsJobTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 10, TimeSpan.Zero);

    [Fact]
    public async Task Execute_GrantWindowEnds_ExpiresAtFirstFiringAfterEndAndRemovesPolicy()
    {
        // Arrange
        await using var harness = await SchedulerHarness.StartAsync(Start);
        var grant = await harness.GrantAsync(Start.AddHours(-1), Start.AddMinutes(1).AddSeconds(30)); // ends 10:01:40

        // Act
        var beforeEnd = await harness.FireAtAsync(Start.AddSeconds(50));       // 10:01:00 firing
        var stillActive = await StatusAsync(harness, grant.Id);
        var afterEnd = await harness.FireAtAsync(Start.AddMinutes(1).AddSeconds(50)); // 10:02:00 firing

        // Assert
        Assert.Equal(ExpireGrantsJob.Key, beforeEnd.Job);
        Assert.Null(beforeEnd.Error);
        Assert.Equal(GrantStatus.Active, stillActive);
        Assert.Null(afterEnd.Error);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 2, 0, TimeSpan.Zero), afterEnd.ScheduledAt);
        await using var db = harness.CreateContext();
        var expired = await db.Grants.SingleAsync(g => g.Id == grant.Id);
        Assert.Equal(GrantStatus.Expired, expired.Status);
        Assert.Equal(afterEnd.ScheduledAt, expired.EndedAt);
        Assert.False(await harness.RoleHasPolicyAsync(grant.PolicyName), "the grant's inline policy must be gone from the organisation copy");
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.GrantId == grant.Id && e.Action == AuditActions.GrantExpired));
    }

    [Fact]
    public async Task Execute_SecondRun_ChangesNothing()
    {
        // Arrange
        await using var harness = await SchedulerHarness.StartAsync(Start);
        var grant = await harness.GrantAsync(Start.AddHours(-1), Start.AddSeconds(20));
        await harness.FireAtAsync(Start.AddSeconds(50));
        var version = (await harness.ReadCopyAsync()).Version;
        await using var before = harness.CreateContext();
        var events = await before.AuditEvents.CountAsync();
        var stamp = (await before.Grants.SingleAsync(g => g.Id == grant.Id)).ConcurrencyStamp;

        // Act
        var second = await harness.FireAtAsync(Start.AddMinutes(1).AddSeconds(50));

        // Assert
        Assert.Null(second.Error);
        await using var after = harness.CreateContext();
        Assert.Equal(events, await after.AuditEvents.CountAsync());
        Assert.Equal(stamp, (await after.Grants.SingleAsync(g => g.Id == grant.Id)).ConcurrencyStamp);
        Assert.Equal(version, (await harness.ReadCopyAsync()).Version);
    }

    [Fact]
    public async Task Execute_CrashBetweenRevokingAndRecording_NextRunRepairs()
    {
        // Arrange
        await using var harness = await SchedulerHarness.StartAsync(Start);
        var grant = await harness.GrantAsync(Start.AddHours(-1), Start.AddSeconds(20));
        harness.Provisioner.Crash = true;

        // Act
        var crashed = await harness.FireAtAsync(Start.AddSeconds(50));
        var statusAfterCrash = await StatusAsync(harness, grant.Id);
        var policyAfterCrash = await harness.RoleHasPolicyAsync(grant.PolicyName);
        harness.Provisioner.Crash = false;
        var repaired = await harness.FireAtAsync(Start.AddMinutes(1).AddSeconds(50));

        // Assert
        Assert.NotNull(crashed.Error);
        Assert.Equal(GrantStatus.Active, statusAfterCrash);
        // The copy's new version joins the job's transaction, so the crash rolled the removal back with the record: the
        // copy still matches the grant's state, and the next run revokes and records both.
        Assert.True(policyAfterCrash, "the removal must commit with the record or not at all");
        Assert.Null(repaired.Error);
        Assert.Equal(GrantStatus.Expired, await StatusAsync(harness, grant.Id));
        await using var db = harness.CreateContext();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.GrantId == grant.Id && e.Action == AuditActions.GrantExpired));
        Assert.True((await AuditChainVerifier.VerifyAsync(db, CancellationToken.None)).Valid);
    }

    [Fact]
    public async Task Execute_KilledMidRunThenRestarted_EndsEveryDueGrantOnceAndMissesNone()
    {
        // Arrange: 30 grants past their window and 5 still running; the run dies at the 12th revocation, and the
        // process goes with it (a new harness on the same data folder and database is the restarted service)
        string dataDirectory;
        List<Grant> due = [];
        List<Grant> running = [];
        Exception? crashed;
        await using (var first = await SchedulerHarness.StartAsync(Start))
        {
            for (var i = 0; i < 30; i++)
            {
                due.Add(await first.GrantAsync(Start.AddHours(-2), Start.AddSeconds(-i)));
            }
            for (var i = 0; i < 5; i++)
            {
                running.Add(await first.GrantAsync(Start.AddHours(-2), Start.AddHours(1)));
            }
            first.Provisioner.CrashAtRevocation = 12;
            crashed = (await first.FireAtAsync(Start.AddSeconds(50))).Error;
            dataDirectory = first.DataDirectory;
        }

        // Act
        await using var restarted = await SchedulerHarness.StartAsync(Start.AddMinutes(1).AddSeconds(50), dataDirectory);
        var resumed = await restarted.Firings.NextAsync();

        // Assert: nothing was recorded by the dead run; the next ends each due grant once, and no running one
        Assert.NotNull(crashed);
        Assert.Null(resumed.Error);
        await using var db = restarted.CreateContext();
        foreach (var grant in due)
        {
            Assert.Equal(GrantStatus.Expired, await StatusAsync(restarted, grant.Id));
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.GrantId == grant.Id && e.Action == AuditActions.GrantExpired));
            Assert.False(await restarted.RoleHasPolicyAsync(grant.PolicyName), $"{grant.PolicyName} is still on the role");
        }
        foreach (var grant in running)
        {
            Assert.Equal(GrantStatus.Active, await StatusAsync(restarted, grant.Id));
            Assert.True(await restarted.RoleHasPolicyAsync(grant.PolicyName));
        }
        Assert.True((await AuditChainVerifier.VerifyAsync(db, CancellationToken.None)).Valid);
    }

    [Fact]
    public async Task Start_FiringMissedWhileDown_RunsOnceAtStartup()
    {
        // Arrange: a run at 10:01, then the service is down from 10:01:30 until 10:05:30.
        string dataDirectory;
        Guid grantId;
        await using (var first = await SchedulerHarness.StartAsync(Start))
        {
            await first.FireAtAsync(Start.AddSeconds(50));
            dataDirectory = first.DataDirectory;
            grantId = (await first.GrantAsync(Start.AddHours(-1), Start.AddMinutes(2))).Id; // ends 10:02:10, while down
        }

        // Act
        await using var restarted = await SchedulerHarness.StartAsync(Start.AddMinutes(5).AddSeconds(20), dataDirectory);
        var catchUp = await restarted.Firings.NextAsync();

        // Assert
        Assert.Null(catchUp.Error);
        Assert.Equal(GrantStatus.Expired, await StatusAsync(restarted, grantId));
        Assert.Equal(restarted.Time.GetUtcNow(), catchUp.ScheduledAt);
        await Task.Delay(200);
        Assert.False(restarted.Firings.Pending, "the missed firings run once, not once each");
    }

    [Fact]
    public async Task Start_NoFiringMissed_WaitsForSchedule()
    {
        // Arrange
        string dataDirectory;
        await using (var first = await SchedulerHarness.StartAsync(Start))
        {
            await first.FireAtAsync(Start.AddSeconds(50)); // ran at 10:01:00
            dataDirectory = first.DataDirectory;
        }

        // Act: back at 10:01:30, before the 10:02:00 firing
        await using var restarted = await SchedulerHarness.StartAsync(Start.AddSeconds(80), dataDirectory);
        await Task.Delay(200);

        // Assert
        Assert.False(restarted.Firings.Pending, "nothing was missed, so nothing runs at start-up");
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 2, 0, TimeSpan.Zero), (await restarted.FireAtAsync(Start.AddSeconds(110))).ScheduledAt);
    }

    private static async Task<GrantStatus> StatusAsync(SchedulerHarness harness, Guid id)
    {
        await using var db = harness.CreateContext();
        return (await db.Grants.AsNoTracking().SingleAsync(g => g.Id == id)).Status;
    }
}
