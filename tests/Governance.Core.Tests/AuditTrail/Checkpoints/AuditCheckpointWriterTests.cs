using Governance.Core.AuditTrail;
using Governance.Core.AuditTrail.Checkpoints;
using Governance.Core.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using TestSupport.Files;

namespace Governance.Core.Tests.AuditTrail.Checkpoints;

/// <summary>When checkpoints are due, against a real SQLite database and checkpoint folder, with every 10 events or 5 minutes.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit calls IAsyncLifetime.DisposeAsync, which disposes the signer, the database and the folder.")]
public sealed class AuditCheckpointWriterTests : IAsyncLifetime
{
    private readonly TempFolder _data = TempFolder.Create();
    private readonly EphemeralSigner _signer = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly AuditCheckpointOptions _options = new() { EveryEvents = 10, EveryMinutes = 5 };
    private GovernanceDbContext _db = null!;

    private AuditCheckpointFolder Store => new(Path.Combine(_data.Path, "audit-checkpoints"));

    private AuditCheckpointWriter Writer => new(_db, _signer, Store, _options, _time);

    public async Task InitializeAsync()
    {
        _db = GovernanceDatabase.Create(DatabaseProvider.Sqlite, GovernanceDatabase.SqliteConnectionString(_data.Path));
        await GovernanceDatabase.MigrateAsync(_db, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _signer.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task WriteDue_FirstRun_SignsFullCheckpointsAndTheRest()
    {
        // Arrange
        await AppendAsync(25);

        // Act
        var run = await Writer.WriteDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal((3, 25L), (run.Written, run.CoveredTo));
        Assert.Equal([(1L, 10L), (11, 20), (21, 25)], (await Store.ReadAllAsync(CancellationToken.None).ToListAsync()).Select(static s => (s.Checkpoint!.From, s.Checkpoint.To)));
    }

    [Fact]
    public async Task WriteDue_FewNewEventsBeforeTheMinutesPass_WaitsThenSigns()
    {
        // Arrange
        await AppendAsync(10);
        await Writer.WriteDueAsync(CancellationToken.None);
        await AppendAsync(3);

        // Act
        _time.Advance(TimeSpan.FromMinutes(4));
        var early = await Writer.WriteDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var due = await Writer.WriteDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal((0, 10L), (early.Written, early.CoveredTo));
        Assert.Equal((1, 13L), (due.Written, due.CoveredTo));
    }

    [Fact]
    public async Task WriteDue_EnoughNewEvents_SignsAtOnceWithoutTheRest()
    {
        // Arrange
        await AppendAsync(10);
        await Writer.WriteDueAsync(CancellationToken.None);
        await AppendAsync(12);

        // Act
        var run = await Writer.WriteDueAsync(CancellationToken.None);

        // Assert: 11–20 is due by count; 21–22 waits for the clock
        Assert.Equal((1, 20L), (run.Written, run.CoveredTo));
    }

    [Fact]
    public async Task WriteNow_Twice_WritesEachRangeOnceChainedToThePrevious()
    {
        // Arrange
        await AppendAsync(7);
        await Writer.WriteNowAsync(CancellationToken.None);
        await AppendAsync(2);

        // Act
        var second = await Writer.WriteNowAsync(CancellationToken.None);
        var nothing = await Writer.WriteNowAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, second.Written);
        Assert.Equal(0, nothing.Written);
        var checkpoints = (await Store.ReadAllAsync(CancellationToken.None).ToListAsync()).Select(static s => s.Checkpoint!).ToList();
        Assert.Equal(checkpoints[0].Signature, checkpoints[1].PreviousSignature);
        var verified = await AuditTrailVerifier.VerifyAsync(new DatabaseAuditEvents(_db), Store, _signer.PublicKey, AuditTriggerStatus.NotChecked, CancellationToken.None);
        Assert.True(verified.Valid, verified.Problem?.Message);
        Assert.Equal(9, verified.LastCheckpointSequence);
    }

    private async Task AppendAsync(int count)
    {
        await using var transaction = await _db.BeginWriteAsync(CancellationToken.None);
        var log = await AuditLog.OpenAsync(_db, _time, CancellationToken.None);
        for (var i = 0; i < count; i++)
        {
            log.Append("alice", "test.recorded", null, null, null, new { i });
        }
        await _db.SaveChangesAsync();
        await transaction.CommitAsync();
        _db.ChangeTracker.Clear();
    }
}
