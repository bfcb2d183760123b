using Governance.Core.AuditTrail;
using Governance.Core.AuditTrail.Checkpoints;
using Governance.Core.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TestSupport.Files;

namespace Governance.Cli.Tests.Audit;

/// <summary>
/// A data folder as the service leaves it: a SQLite database with a chain of events, its checkpoint folder and key,
/// and the public key exported to a PEM file for the auditor.
/// </summary>
internal sealed class SignedAuditTrail : IAsyncDisposable
{
    private readonly TempFolder _folder;

    private SignedAuditTrail(TempFolder folder) => _folder = folder;

    public string Database => Path.Combine(_folder.Path, "governance.db");

    public string Checkpoints => Path.Combine(_folder.Path, AuditCheckpointFolder.DefaultFolderName);

    public string PublicKey => Path.Combine(_folder.Path, "audit-public-key.pem");

    public string Folder => _folder.Path;

    /// <summary><paramref name="events"/> events signed in checkpoints of 100, then <paramref name="unsigned"/> more.</summary>
    public static async Task<SignedAuditTrail> CreateAsync(int events, int unsigned = 0)
    {
        var trail = new SignedAuditTrail(TempFolder.Create());
        using var key = AuditCheckpointKeyFile.Load(Path.Combine(trail.Folder, AuditCheckpointKeyFile.DefaultFileName), create: true);
        await File.WriteAllTextAsync(trail.PublicKey, key.PublicKey.Pem);
        await using var db = trail.Open();
        await GovernanceDatabase.MigrateAsync(db, CancellationToken.None);
        await AppendAsync(db, events);
        var writer = new AuditCheckpointWriter(db, key, new AuditCheckpointFolder(trail.Checkpoints), new AuditCheckpointOptions(), TimeProvider.System);
        await writer.WriteNowAsync(CancellationToken.None);
        await AppendAsync(db, unsigned);
        return trail;
    }

    public GovernanceDbContext Open() => GovernanceDatabase.Create(DatabaseProvider.Sqlite, $"Data Source={Database};Pooling=False");

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var db = Open();
        await db.Database.ExecuteSqlRawAsync(sql, parameters);
    }

    public async Task<List<AuditEvent>> EventsAsync()
    {
        await using var db = Open();
        return await db.AuditEvents.AsNoTracking().OrderBy(static e => e.Sequence).ToListAsync();
    }

    /// <summary>Replaces the events from the first one's sequence on, with the append-only triggers out of the way and put back after.</summary>
    public async Task ReplaceFromAsync(IReadOnlyList<AuditEvent> events)
    {
        await using var db = Open();
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_events_no_delete");
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM audit_events WHERE "Sequence" >= {0}""", events[0].Sequence);
        db.AuditEvents.AddRange(events);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
            """);
    }

    /// <summary><paramref name="events"/> relinked from <paramref name="previousHash"/> with recomputed hashes.</summary>
    public static List<AuditEvent> Rechain(IEnumerable<AuditEvent> events, string previousHash)
    {
        var result = new List<AuditEvent>();
        foreach (var e in events)
        {
            var relinked = new AuditEvent(e.Sequence, e.OccurredAt, e.Actor, e.Action, e.RequestId, e.GrantId, e.Before, e.After, previousHash);
            result.Add(relinked);
            previousHash = relinked.Hash;
        }
        return result;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task AppendAsync(GovernanceDbContext db, int count)
    {
        await using var transaction = await db.BeginWriteAsync(CancellationToken.None);
        var log = await AuditLog.OpenAsync(db, TimeProvider.System, CancellationToken.None);
        for (var i = 0; i < count; i++)
        {
            log.Append("alice", i == 3 ? "request.approved" : "request.created", Guid.NewGuid(), null, null, new { i });
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
