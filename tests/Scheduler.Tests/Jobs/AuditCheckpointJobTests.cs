using Governance.Core.AuditTrail;
using Governance.Core.AuditTrail.Checkpoints;
using Scheduler.Tests.Infrastructure;

namespace Scheduler.Tests.Jobs;

/// <summary>The checkpoint job, fired each minute by the real scheduler on a fake clock, signs the chain when a checkpoint is due.</summary>
public sealed class AuditCheckpointJobTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 10, TimeSpan.Zero);

    [Fact]
    public async Task Execute_EventsThenMinutesPass_SignsByCountThenByTime()
    {
        // Arrange: every 10 events or 5 minutes; 23 events before the first firing
        var settings = new Dictionary<string, string?>
        {
            ["Governance:Audit:Checkpoints:EveryEvents"] = "10",
            ["Governance:Audit:Checkpoints:EveryMinutes"] = "5",
        };
        await using var harness = await SchedulerHarness.StartAsync(Start, settings: settings);
        await AppendAsync(harness, 23);
        var folder = new AuditCheckpointFolder(Path.Combine(harness.DataDirectory, AuditCheckpointFolder.DefaultFolderName));

        // Act: the 10:01 firing signs all (there is no checkpoint yet); three new events wait until 10:06, 5 minutes after it
        harness.Time.SetUtcNow(Start.AddSeconds(50));
        var first = await harness.CheckpointFirings.NextAsync();
        await AppendAsync(harness, 3);
        harness.Time.SetUtcNow(Start.AddMinutes(1).AddSeconds(50));
        var early = await harness.CheckpointFirings.NextAsync();
        var coveredEarly = (await folder.LatestAsync(CancellationToken.None))!.To;
        for (var minute = 3; minute <= 5; minute++)
        {
            harness.Time.SetUtcNow(Start.AddMinutes(minute - 1).AddSeconds(50));
            Assert.Null((await harness.CheckpointFirings.NextAsync()).Error);
        }
        var coveredAt1005 = (await folder.LatestAsync(CancellationToken.None))!.To;
        harness.Time.SetUtcNow(Start.AddMinutes(5).AddSeconds(50));
        var due = await harness.CheckpointFirings.NextAsync();

        // Assert
        Assert.Null(first.Error);
        Assert.Null(early.Error);
        Assert.Equal(23, coveredEarly);
        Assert.Equal(23, coveredAt1005);
        Assert.Null(due.Error);
        var checkpoints = await folder.ReadAllAsync(CancellationToken.None).Select(static s => (s.Checkpoint!.From, s.Checkpoint.To)).ToListAsync();
        Assert.Equal([(1L, 10L), (11, 20), (21, 23), (24, 26)], checkpoints);
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
