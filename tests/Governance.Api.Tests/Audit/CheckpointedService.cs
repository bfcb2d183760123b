using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.AuditTrail;
using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TestSupport.Files;

namespace Governance.Api.Tests.Audit;

/// <summary>
/// A service of its own for one tampering test: its data folder, database and a chain of events, which the test then
/// tampers with as a database writer would (bypassing the append-only triggers and putting them back).
/// </summary>
internal sealed class CheckpointedService : IAsyncDisposable
{
    /// <summary>The SQLite triggers as the AuditAppendOnly migration creates them, to put back after a bypass.</summary>
    private const string SqliteTriggers = """
        CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
        CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
        """;

    private readonly TempFolder _folder;

    private CheckpointedService(TempFolder folder, TestDatabase database)
    {
        _folder = folder;
        Database = database;
        Factory = new GovernanceApiFactory(database, folder.Path);
        Approver = Factory.ClientFor("bob", "approver");
        Admin = Factory.ClientFor("carol", "admin");
    }

    public GovernanceApiFactory Factory { get; }

    public TestDatabase Database { get; }

    public HttpClient Approver { get; }

    public HttpClient Admin { get; }

    public string CheckpointsFolder => Path.Combine(_folder.Path, "audit-checkpoints");

    public static CheckpointedService Start(Func<string, TestDatabase> database)
    {
        var folder = TempFolder.Create();
        return new CheckpointedService(folder, database(folder.Path));
    }

    /// <summary>
    /// A real request submitted by alice and approved by bob over HTTP, then events appended through the audit log
    /// until the chain holds <paramref name="total"/>.
    /// </summary>
    /// <returns>The approved request's id.</returns>
    public async Task<Guid> SeedAsync(int total)
    {
        var alice = Factory.ClientFor("alice", "engineer");
        var created = await alice.PostAsJsonAsync("/v1/access-requests", new
        {
            permissionSet = "lake-write", resources = new[] { "arn:aws:s3:::lake-cp/*" }, targetRole = "data-engineer",
            justification = "checkpoint test", durationHours = 1,
        });
        created.EnsureSuccessStatusCode();
        var request = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = request.GetProperty("id").GetGuid();
        (await Approver.PostAsJsonAsync($"/v1/access-requests/{id}/approve",
            new { comment = "ok", previewVersion = request.GetProperty("previewVersion").GetString() })).EnsureSuccessStatusCode();
        await AppendAsync(total - (int)await CountAsync());
        return id;
    }

    /// <summary>Appends <paramref name="count"/> events the way the service does, in one write transaction.</summary>
    public async Task AppendAsync(int count)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        await using var transaction = await db.BeginWriteAsync(CancellationToken.None);
        var log = await AuditLog.OpenAsync(db, Factory.Time, CancellationToken.None);
        for (var i = 0; i < count; i++)
        {
            log.Append("system:test", "test.recorded", null, null, null, new { i });
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public async Task<long> CountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditEvents.LongCountAsync();
    }

    public async Task<JsonElement> CheckpointNowAsync()
    {
        var response = await Admin.PostAsync("/v1/audit/checkpoints", null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<JsonElement> VerifyAsync() => Approver.GetFromJsonAsync<JsonElement>("/v1/audit/verify");

    public async Task<List<AuditEvent>> EventsAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditEvents.AsNoTracking().OrderBy(static e => e.Sequence).ToListAsync();
    }

    /// <summary>Runs <paramref name="tamper"/> with the append-only triggers out of the way, and puts them back after,
    /// as a writer with the database owner's rights would to cover their tracks.</summary>
    public async Task WithoutTriggersAsync(Func<GovernanceDbContext, Task> tamper)
    {
        await using var db = Database.CreateContext();
        var sqlite = Database.Provider == DatabaseProvider.Sqlite;
        await db.Database.ExecuteSqlRawAsync(sqlite
            ? "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;"
            : "ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;");
        await tamper(db);
        await db.Database.ExecuteSqlRawAsync(sqlite ? SqliteTriggers : "ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;");
    }

    /// <summary>Replaces the events from <paramref name="events"/>' first sequence on with <paramref name="events"/>, hashes recomputed.</summary>
    public Task RewriteFromAsync(IReadOnlyList<AuditEvent> events) => WithoutTriggersAsync(async db =>
    {
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM audit_events WHERE "Sequence" >= {0}""", events[0].Sequence);
        db.AuditEvents.AddRange(events);
        await db.SaveChangesAsync();
    });

    /// <summary><paramref name="events"/> relinked from <paramref name="previousHash"/> with recomputed hashes, as a forger would.</summary>
    public static List<AuditEvent> Rechain(IEnumerable<AuditEvent> events, string previousHash)
    {
        var rechained = new List<AuditEvent>();
        foreach (var e in events)
        {
            var draft = AuditEvent.Restore(e.Sequence, e.OccurredAt, e.Actor, e.Action, e.RequestId, e.GrantId, e.Before, e.After, previousHash, string.Empty);
            previousHash = AuditHasher.Compute(draft);
            rechained.Add(AuditEvent.Restore(e.Sequence, e.OccurredAt, e.Actor, e.Action, e.RequestId, e.GrantId, e.Before, e.After, draft.PreviousHash, previousHash));
        }
        return rechained;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Approver.Dispose();
        Admin.Dispose();
        await Database.DropAsync();
        _folder.Dispose();
    }
}
