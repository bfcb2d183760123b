using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.AuditTrail;
using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Tests.Audit;

/// <summary>
/// The issue's reproductions of a database writer rewriting the audit trail, each against a chain of 370 events covered
/// by signed checkpoints (1–100, 101–200, 201–300, 301–370), verified through <c>GET /v1/audit/verify</c>.
/// </summary>
public abstract class AuditCheckpointTests
{
    protected const int Total = 370;

    /// <summary>Why the database cannot be used here; null when it can.</summary>
    protected abstract string? Unavailable { get; }

    protected abstract DatabaseProvider Provider { get; }

    protected abstract TestDatabase NewDatabase(string dataDirectory);

    [SkippableFact]
    public async Task Verify_CheckpointedChain_IsValidAndCountsWhatIsSigned()
    {
        // Arrange
        await using var service = await StartAsync();
        await service.AppendAsync(3);

        // Act
        var verified = await service.VerifyAsync();

        // Assert
        Assert.True(verified.GetProperty("valid").GetBoolean(), verified.ToString());
        Assert.Equal(Total + 3, verified.GetProperty("events").GetInt64());
        Assert.Equal(4, verified.GetProperty("checkpointsVerified").GetInt32());
        Assert.Equal(Total, verified.GetProperty("lastCheckpointSequence").GetInt64());
        Assert.Equal(3, verified.GetProperty("eventsNotCheckpointed").GetInt64());
        Assert.Equal("Intact", verified.GetProperty("triggers").GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, verified.GetProperty("problem").ValueKind);
    }

    [SkippableFact]
    public async Task Verify_Event5AndSuccessorsRewrittenWithRecomputedHashes_NamesEvent5()
    {
        // Arrange: mallory puts her name on event 5 and recomputes every hash after it, so the chain alone still holds
        await using var service = await StartAsync();
        var events = await service.EventsAsync();
        var forged = CheckpointedService.Rechain(
            events.Skip(4).Select(static (e, i) => i == 0 ? AuditEvent.Restore(e.Sequence, e.OccurredAt, "mallory", e.Action, e.RequestId, e.GrantId, e.Before, e.After, e.PreviousHash, e.Hash) : e),
            events[3].Hash);
        if (service.Database.Provider == DatabaseProvider.Sqlite)
        {
            // The issue's INSERT OR REPLACE: REPLACE deletes without firing the delete trigger (recursive_triggers is off).
            await using var db = service.Database.CreateContext();
            foreach (var e in forged)
            {
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT OR REPLACE INTO audit_events ("Sequence", "OccurredAt", "Actor", "Action", "RequestId", "GrantId", "Before", "After", "PreviousHash", "Hash")
                    SELECT "Sequence", "OccurredAt", {0}, "Action", "RequestId", "GrantId", "Before", "After", {1}, {2} FROM audit_events WHERE "Sequence" = {3}
                    """, e.Actor, e.PreviousHash, e.Hash, e.Sequence);
            }
        }
        else
        {
            await service.RewriteFromAsync(forged);
        }
        var chainAlone = await ChainAloneAsync(service);

        // Act
        var verified = await service.VerifyAsync();

        // Assert
        Assert.True(chainAlone, "the rewrite must fool the hash chain alone, or this test proves nothing");
        AssertProblem(verified, "EventNotAsSigned", 5);
        Assert.Equal(4, verified.GetProperty("events").GetInt64());
        Assert.Equal("Intact", verified.GetProperty("triggers").GetProperty("state").GetString());
    }

    [SkippableFact]
    public async Task Verify_ForgedApprovalInsertedWithCorrectHashes_NamesItsSequence()
    {
        // Arrange: a request.approved by bob inserted as event 7, later events renumbered and rechained
        await using var service = await StartAsync();
        var events = await service.EventsAsync();
        var approval = events.First(static e => e.Action == "request.approved");
        var fake = AuditEvent.Restore(7, events[6].OccurredAt, "bob", "request.approved", approval.RequestId, null, approval.Before, approval.After, string.Empty, string.Empty);
        var shifted = events.Skip(6).Select(static e => AuditEvent.Restore(e.Sequence + 1, e.OccurredAt, e.Actor, e.Action, e.RequestId, e.GrantId, e.Before, e.After, e.PreviousHash, e.Hash));
        await service.RewriteFromAsync(CheckpointedService.Rechain(shifted.Prepend(fake), events[5].Hash));

        // Act
        var verified = await service.VerifyAsync();

        // Assert
        Assert.True(await ChainAloneAsync(service), "the forgery must fool the hash chain alone");
        AssertProblem(verified, "EventNotAsSigned", 7);
        Assert.Equal("Intact", verified.GetProperty("triggers").GetProperty("state").GetString());
    }

    [SkippableFact]
    public async Task Verify_Last10Of370Deleted_ReportsTruncationAt361()
    {
        // Arrange
        await using var service = await StartAsync();
        await service.WithoutTriggersAsync(static db => db.Database.ExecuteSqlRawAsync("""DELETE FROM audit_events WHERE "Sequence" > 360"""));

        // Act
        var verified = await service.VerifyAsync();

        // Assert
        Assert.True(await ChainAloneAsync(service), "the shortened chain still holds by itself");
        AssertProblem(verified, "ChainTruncated", 361);
        Assert.Equal(360, verified.GetProperty("events").GetInt64());
    }

    [SkippableFact]
    public async Task Verify_AnEventDeletedFromTheMiddle_NamesIt()
    {
        // Arrange
        await using var service = await StartAsync();
        await service.WithoutTriggersAsync(static db => db.Database.ExecuteSqlRawAsync("""DELETE FROM audit_events WHERE "Sequence" = 150"""));

        // Act
        var verified = await service.VerifyAsync();

        // Assert
        AssertProblem(verified, "EventMissing", 150);
    }

    [SkippableFact]
    public async Task Verify_AppendOnlyTriggerDropped_ReportsItAndTheFirstEventNotSigned()
    {
        // Arrange: two events after the last checkpoint, then the trigger goes
        await using var service = await StartAsync();
        await service.AppendAsync(2);
        await using (var db = service.Database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync(service.Database.Provider == DatabaseProvider.Sqlite
                ? "DROP TRIGGER audit_events_no_delete"
                : "DROP TRIGGER audit_events_append_only ON audit_events");
        }

        // Act
        var verified = await service.VerifyAsync();

        // Assert
        AssertProblem(verified, "TriggerMissing", Total + 1);
        var triggers = verified.GetProperty("triggers");
        Assert.Equal("Missing", triggers.GetProperty("state").GetString());
        var expected = service.Database.Provider == DatabaseProvider.Sqlite ? "audit_events_no_delete" : "audit_events_append_only";
        Assert.Equal([expected], triggers.GetProperty("missing").EnumerateArray().Select(static t => t.GetString()));
        Assert.Equal(2, verified.GetProperty("eventsNotCheckpointed").GetInt64());
    }

    [SkippableFact]
    public async Task Verify_CheckpointSignatureAltered_NamesTheCheckpointsFirstEvent()
    {
        // Arrange: one character of the second checkpoint's signature changed
        await using var service = await StartAsync();
        var file = Path.Combine(service.CheckpointsFolder, "00000000000000000101-00000000000000000200.json");
        using (var document = JsonDocument.Parse(await File.ReadAllTextAsync(file)))
        {
            var signature = document.RootElement.GetProperty("signature").GetString()!;
            var altered = (signature[10] == 'A' ? 'B' : 'A') + signature[11..];
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace(signature, signature[..10] + altered, StringComparison.Ordinal));
        }

        // Act
        var verified = await service.VerifyAsync();

        // Assert
        AssertProblem(verified, "CheckpointInvalid", 101);
        Assert.Equal(1, verified.GetProperty("checkpointsVerified").GetInt32());
    }

    [SkippableFact]
    public async Task Verify_CheckpointFileDeletedFromTheMiddle_NamesTheGap()
    {
        // Arrange
        await using var service = await StartAsync();
        File.Delete(Path.Combine(service.CheckpointsFolder, "00000000000000000101-00000000000000000200.json"));

        // Act
        var verified = await service.VerifyAsync();

        // Assert
        AssertProblem(verified, "CheckpointMissing", 101);
    }

    [SkippableFact]
    public async Task Checkpoint_AgainWithNothingNew_WritesNothing()
    {
        // Arrange
        await using var service = await StartAsync();
        var files = Directory.GetFiles(service.CheckpointsFolder);

        // Act
        var again = await service.CheckpointNowAsync();

        // Assert
        Assert.Equal(0, again.GetProperty("written").GetInt32());
        Assert.Equal(Total, again.GetProperty("coveredTo").GetInt64());
        Assert.Equal(files, Directory.GetFiles(service.CheckpointsFolder));
    }

    [SkippableFact]
    public async Task Checkpoint_ByAnApproverOrEngineer_IsForbidden()
    {
        // Arrange
        await using var service = await StartAsync();
        await service.AppendAsync(1);
        var engineer = service.Factory.ClientFor("erin", "engineer");

        // Act
        var byApprover = await service.Approver.PostAsync("/v1/audit/checkpoints", null);
        var byEngineer = await engineer.PostAsync("/v1/audit/checkpoints", null);
        var verifyByEngineer = await engineer.GetAsync("/v1/audit/verify");

        // Assert: signing on demand is an admin's; reading the trail an approver's
        Assert.Equal(HttpStatusCode.Forbidden, byApprover.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byEngineer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, verifyByEngineer.StatusCode);
        Assert.Equal(4, Directory.GetFiles(service.CheckpointsFolder).Length);
    }

    [SkippableFact]
    public async Task Checkpoint_ConcurrentRequests_WriteEachRangeOnceInOneChain()
    {
        // Arrange: 250 new events, forced from 4 callers at once, as several nodes' jobs might
        await using var service = await StartAsync();
        await service.AppendAsync(250);

        // Act
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => service.CheckpointNowAsync()));
        var verified = await service.VerifyAsync();

        // Assert: 371–470, 471–570, 571–620, written by whichever caller held the write lock
        Assert.Equal(3, runs.Sum(static r => r.GetProperty("written").GetInt32()));
        Assert.All(runs, static r => Assert.Equal(Total + 250, r.GetProperty("coveredTo").GetInt64()));
        Assert.Equal(7, Directory.GetFiles(service.CheckpointsFolder).Length);
        Assert.True(verified.GetProperty("valid").GetBoolean(), verified.ToString());
        Assert.Equal(7, verified.GetProperty("checkpointsVerified").GetInt32());
    }

    [SkippableFact]
    public async Task Checkpoint_ChainBrokenAfterTheLastCheckpoint_IsRefusedWith409()
    {
        // Arrange: event 372, not yet signed, edited without recomputing
        await using var service = await StartAsync();
        await service.AppendAsync(3);
        await service.WithoutTriggersAsync(static db => db.Database.ExecuteSqlRawAsync("""UPDATE audit_events SET "Actor" = 'mallory' WHERE "Sequence" = 372"""));

        // Act
        var refused = await service.Admin.PostAsync("/v1/audit/checkpoints", null);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("audit-chain-broken", problem.GetProperty("code").GetString());
        Assert.Contains("event 372", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(service.CheckpointsFolder).Length);
    }

    [SkippableFact]
    public async Task PublicKey_AnyMember_GetsThePemThatVerifiesTheCheckpoints()
    {
        // Arrange
        await using var service = await StartAsync();
        var engineer = service.Factory.ClientFor("erin", "engineer");

        // Act
        var key = await engineer.GetFromJsonAsync<JsonElement>("/v1/audit/public-key");
        var anonymous = await service.Factory.CreateClient().GetAsync("/v1/audit/public-key");

        // Assert
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key.GetProperty("pem").GetString(), StringComparison.Ordinal);
        Assert.Equal("ECDSA-P256-SHA256", key.GetProperty("algorithm").GetString());
        using var checkpoint = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(service.CheckpointsFolder).Order(StringComparer.Ordinal).First()));
        Assert.Equal(key.GetProperty("keyId").GetString(), checkpoint.RootElement.GetProperty("keyId").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [SkippableFact]
    public async Task Export_WholeChain_OneLinePerEventWithItsHash()
    {
        // Arrange
        await using var service = await StartAsync();
        var events = await service.EventsAsync();

        // Act
        var lines = (await service.Approver.GetStringAsync("/v1/audit/export")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Assert
        Assert.Equal(Total, lines.Length);
        using var last = JsonDocument.Parse(lines[^1]);
        Assert.Equal(events[^1].Hash, last.RootElement.GetProperty("hash").GetString());
        Assert.Equal(Total, last.RootElement.GetProperty("sequence").GetInt64());
    }

    [SkippableFact]
    public async Task Offline_KeyCheckpointsAndExportFromTheApi_VerifyWithTheCli()
    {
        // Arrange: what an auditor of a PostgreSQL deployment takes away: the key, every checkpoint, the export
        await using var service = await StartAsync();
        using var auditor = TestSupport.Files.TempFolder.Create();
        var key = Path.Combine(auditor.Path, "audit-public-key.pem");
        await File.WriteAllTextAsync(key, (await service.Approver.GetFromJsonAsync<JsonElement>("/v1/audit/public-key")).GetProperty("pem").GetString());
        var checkpoints = Directory.CreateDirectory(Path.Combine(auditor.Path, "checkpoints")).FullName;
        var page = await service.Approver.GetFromJsonAsync<JsonElement>("/v1/audit/checkpoints?pageSize=200");
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            await File.WriteAllTextAsync(Path.Combine(checkpoints, $"{item.GetProperty("from")}-{item.GetProperty("to")}.json"), item.GetRawText());
        }
        var events = Path.Combine(auditor.Path, "events.jsonl");
        await File.WriteAllTextAsync(events, await service.Approver.GetStringAsync("/v1/audit/export"));
        await service.WithoutTriggersAsync(static db => db.Database.ExecuteSqlRawAsync("""DELETE FROM audit_events WHERE "Sequence" > 365"""));
        var truncated = Path.Combine(auditor.Path, "truncated.jsonl");
        await File.WriteAllTextAsync(truncated, await service.Approver.GetStringAsync("/v1/audit/export"));
        string[] Verify(string file) => ["audit-log", "verify", "--events", file, "--checkpoints", checkpoints, "--public-key", key, "--output", "json"];

        // Act
        var (intactCode, intactOut, intactErr) = TestSupport.Cli.CliRunner.Run(Verify(events));
        var (truncatedCode, truncatedOut, _) = TestSupport.Cli.CliRunner.Run(Verify(truncated));

        // Assert
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.True(intactCode == 0, intactOut + intactErr);
        Assert.Equal(1, truncatedCode);
        using var json = JsonDocument.Parse(truncatedOut);
        Assert.Equal("ChainTruncated", json.RootElement.GetProperty("problem").GetProperty("kind").GetString());
        Assert.Equal(366, json.RootElement.GetProperty("problem").GetProperty("sequence").GetInt64());
    }

    private protected async Task<CheckpointedService> StartAsync()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var service = CheckpointedService.Start(NewDatabase);
        await service.SeedAsync(Total);
        var run = await service.CheckpointNowAsync();
        Assert.Equal(4, run.GetProperty("written").GetInt32());
        return service;
    }

    /// <summary>What the verifier said before checkpoints: the hash chain alone.</summary>
    private static async Task<bool> ChainAloneAsync(CheckpointedService service)
    {
        await using var db = service.Database.CreateContext();
        return (await AuditChainVerifier.VerifyAsync(db, CancellationToken.None)).Valid;
    }

    protected static void AssertProblem(JsonElement verified, string kind, long sequence)
    {
        Assert.False(verified.GetProperty("valid").GetBoolean(), verified.ToString());
        var problem = verified.GetProperty("problem");
        Assert.Equal(kind, problem.GetProperty("kind").GetString());
        Assert.Equal(sequence, problem.GetProperty("sequence").GetInt64());
        Assert.Equal(sequence, verified.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Contains(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
