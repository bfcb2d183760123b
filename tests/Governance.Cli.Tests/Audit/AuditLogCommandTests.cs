using System.Text.Json;
using Governance.Core.AuditTrail;
using static TestSupport.Cli.CliRunner;

namespace Governance.Cli.Tests.Audit;

/// <summary><c>iamgov audit-log verify</c> offline, on the tampering, from the database file and from an export.</summary>
public sealed class AuditLogCommandTests
{
    private const int Total = 370;

    private static (int Code, string Stdout, string Stderr) Verify(SignedAuditTrail trail, params string[] more)
        => Run(["audit-log", "verify", "--database", trail.Database, "--checkpoints", trail.Checkpoints, "--public-key", trail.PublicKey, .. more]);

    private static JsonElement Problem(string stdout)
    {
        using var json = JsonDocument.Parse(stdout);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        return json.RootElement.GetProperty("problem").Clone();
    }

    [Fact]
    public async Task Verify_UntouchedDatabase_ExitsZeroAndCountsTheUnsignedTail()
    {
        // Arrange
        await using var trail = await SignedAuditTrail.CreateAsync(Total, unsigned: 5);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = await File.ReadAllBytesAsync(trail.Database);

        // Act
        var (code, stdout, stderr) = Verify(trail, "--output", "json");

        // Assert
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        var after = await File.ReadAllBytesAsync(trail.Database);
        Assert.True(before.SequenceEqual(after), "verification opens the database read-only");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal(Total + 5, root.GetProperty("events").GetInt64());
        Assert.Equal(4, root.GetProperty("checkpointsVerified").GetInt32());
        Assert.Equal(Total, root.GetProperty("lastCheckpointSequence").GetInt64());
        Assert.Equal(5, root.GetProperty("eventsNotCheckpointed").GetInt64());
        Assert.Equal("Intact", root.GetProperty("triggers").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Verify_UntouchedDatabaseAsText_SaysValidAndWhatTheChainAloneProtects()
    {
        // Arrange
        await using var trail = await SignedAuditTrail.CreateAsync(Total, unsigned: 2);

        // Act
        var (code, stdout, _) = Verify(trail);

        // Assert
        Assert.Equal(0, code);
        Assert.StartsWith($"valid: {Total + 2} events, 4 checkpoints verified (signed up to event {Total})", stdout, StringComparison.Ordinal);
        Assert.Contains("2 events not yet in a checkpoint", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Event5AndSuccessorsRewrittenByInsertOrReplace_ExitsOneNamingEvent5()
    {
        // Arrange: INSERT OR REPLACE deletes without firing the delete trigger, so the triggers stay as they were
        await using var trail = await SignedAuditTrail.CreateAsync(Total);
        var events = await trail.EventsAsync();
        var forged = SignedAuditTrail.Rechain(
            events.Skip(4).Select(static (e, i) => i == 0 ? AuditEvent.Restore(5, e.OccurredAt, "mallory", e.Action, e.RequestId, e.GrantId, e.Before, e.After, e.PreviousHash, e.Hash) : e),
            events[3].Hash);
        foreach (var e in forged)
        {
            await trail.ExecuteAsync("""
                INSERT OR REPLACE INTO audit_events ("Sequence", "OccurredAt", "Actor", "Action", "RequestId", "GrantId", "Before", "After", "PreviousHash", "Hash")
                SELECT "Sequence", "OccurredAt", {0}, "Action", "RequestId", "GrantId", "Before", "After", {1}, {2} FROM audit_events WHERE "Sequence" = {3}
                """, e.Actor, e.PreviousHash, e.Hash, e.Sequence);
        }

        // Act
        var (code, stdout, stderr) = Verify(trail, "--output", "json");

        // Assert
        Assert.Equal(1, code);
        Assert.Empty(stderr);
        var problem = Problem(stdout);
        Assert.Equal("EventNotAsSigned", problem.GetProperty("kind").GetString());
        Assert.Equal(5, problem.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Verify_ForgedApprovalInserted_ExitsOneNamingItsSequence()
    {
        // Arrange
        await using var trail = await SignedAuditTrail.CreateAsync(Total);
        var events = await trail.EventsAsync();
        var approval = events.First(static e => e.Action == "request.approved");
        var fake = AuditEvent.Restore(42, events[41].OccurredAt, "bob", "request.approved", approval.RequestId, null, null, approval.After, string.Empty, string.Empty);
        var shifted = events.Skip(41).Select(static e => AuditEvent.Restore(e.Sequence + 1, e.OccurredAt, e.Actor, e.Action, e.RequestId, e.GrantId, e.Before, e.After, e.PreviousHash, e.Hash));
        await trail.ReplaceFromAsync(SignedAuditTrail.Rechain(shifted.Prepend(fake), events[40].Hash));

        // Act
        var (code, stdout, _) = Verify(trail, "--output", "json");

        // Assert
        Assert.Equal(1, code);
        Assert.Equal(42, Problem(stdout).GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Verify_Last10Of370Deleted_ExitsOneNamingEvent361()
    {
        // Arrange
        await using var trail = await SignedAuditTrail.CreateAsync(Total);
        await trail.ExecuteAsync("""DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE "Sequence" > 360""");

        // Act
        var (code, stdout, _) = Verify(trail);

        // Assert
        Assert.Equal(1, code);
        Assert.StartsWith("TAMPERED at event 361 (ChainTruncated)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TriggerDropped_ExitsOneNamingIt()
    {
        // Arrange
        await using var trail = await SignedAuditTrail.CreateAsync(Total);
        await trail.ExecuteAsync("DROP TRIGGER audit_events_no_update");

        // Act
        var (code, stdout, _) = Verify(trail, "--output", "json");

        // Assert
        Assert.Equal(1, code);
        var problem = Problem(stdout);
        Assert.Equal("TriggerMissing", problem.GetProperty("kind").GetString());
        Assert.Equal(Total + 1, problem.GetProperty("sequence").GetInt64());
        Assert.Contains("audit_events_no_update", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CheckpointSignatureAltered_ExitsOneNamingItsFirstEvent()
    {
        // Arrange
        await using var trail = await SignedAuditTrail.CreateAsync(Total);
        var file = Path.Combine(trail.Checkpoints, "00000000000000000201-00000000000000000300.json");
        var text = await File.ReadAllTextAsync(file);
        var signature = JsonDocument.Parse(text).RootElement.GetProperty("signature").GetString()!;
        var altered = signature[..20] + (signature[20] == 'Q' ? 'R' : 'Q') + signature[21..];
        await File.WriteAllTextAsync(file, text.Replace(signature, altered, StringComparison.Ordinal));

        // Act
        var (code, stdout, _) = Verify(trail, "--output", "json");

        // Assert
        Assert.Equal(1, code);
        var problem = Problem(stdout);
        Assert.Equal("CheckpointInvalid", problem.GetProperty("kind").GetString());
        Assert.Equal(201, problem.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Verify_CheckpointFileDeleted_ExitsOneNamingTheGap()
    {
        // Arrange
        await using var trail = await SignedAuditTrail.CreateAsync(Total);
        File.Delete(Path.Combine(trail.Checkpoints, "00000000000000000001-00000000000000000100.json"));

        // Act
        var (code, stdout, _) = Verify(trail, "--output", "json");

        // Assert
        Assert.Equal(1, code);
        var problem = Problem(stdout);
        Assert.Equal("CheckpointMissing", problem.GetProperty("kind").GetString());
        Assert.Equal(1, problem.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Verify_AnotherKey_ExitsOne()
    {
        // Arrange: checkpoints checked against a key that did not sign them
        await using var trail = await SignedAuditTrail.CreateAsync(120);
        await using var other = await SignedAuditTrail.CreateAsync(1);

        // Act
        var (code, stdout, _) = Run("audit-log", "verify", "--database", trail.Database, "--checkpoints", trail.Checkpoints, "--public-key", other.PublicKey, "--output", "json");

        // Assert
        Assert.Equal(1, code);
        Assert.Equal("CheckpointInvalid", Problem(stdout).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task ExportThenVerifyEvents_UntouchedAndEdited_ExitZeroThenOne()
    {
        // Arrange
        await using var trail = await SignedAuditTrail.CreateAsync(150);
        var export = Path.Combine(trail.Folder, "events.jsonl");
        var (exported, written, _) = Run("audit-log", "export", "--database", trail.Database, "--output-file", export);
        string[] verify = ["audit-log", "verify", "--events", export, "--checkpoints", trail.Checkpoints, "--public-key", trail.PublicKey, "--output", "json"];

        // Act
        var (intact, intactOut, _) = Run(verify);
        var lines = await File.ReadAllLinesAsync(export);
        lines[119] = lines[119].Replace("\"actor\":\"alice\"", "\"actor\":\"mallory\"", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(export, lines);
        var (edited, editedOut, _) = Run(verify);

        // Assert
        Assert.Equal(0, exported);
        Assert.Contains("150 events", written, StringComparison.Ordinal);
        Assert.Equal(0, intact);
        Assert.Contains("\"NotChecked\"", intactOut, StringComparison.Ordinal);
        Assert.Equal(1, edited);
        var problem = Problem(editedOut);
        Assert.Equal(("EventAltered", 120L), (problem.GetProperty("kind").GetString(), problem.GetProperty("sequence").GetInt64()));
    }

    [Fact]
    public async Task Verify_UnreadableInputs_ExitTwoWithOneLineAndNoStackTrace()
    {
        // Arrange
        await using var trail = await SignedAuditTrail.CreateAsync(3);
        var notAKey = Path.Combine(trail.Folder, "not-a-key.pem");
        await File.WriteAllTextAsync(notAKey, "hello");
        var notAnExport = Path.Combine(trail.Folder, "not-an-export.jsonl");
        await File.WriteAllTextAsync(notAnExport, "{\"sequence\":1}\n");
        string[][] cases =
        [
            ["--database", trail.Database, "--checkpoints", trail.Checkpoints, "--public-key", notAKey],
            ["--database", trail.Database, "--checkpoints", trail.Checkpoints, "--public-key", Path.Combine(trail.Folder, "missing.pem")],
            ["--database", Path.Combine(trail.Folder, "missing.db"), "--checkpoints", trail.Checkpoints, "--public-key", trail.PublicKey],
            ["--database", notAKey, "--checkpoints", trail.Checkpoints, "--public-key", trail.PublicKey],
            ["--events", notAnExport, "--checkpoints", trail.Checkpoints, "--public-key", trail.PublicKey],
            ["--database", trail.Database, "--events", notAnExport, "--checkpoints", trail.Checkpoints, "--public-key", trail.PublicKey],
            ["--database", trail.Database, "--checkpoints", Path.Combine(trail.Folder, "nowhere"), "--public-key", trail.PublicKey],
        ];

        foreach (var arguments in cases)
        {
            // Act
            var (code, stdout, stderr) = Run(["audit-log", "verify", .. arguments]);

            // Assert
            Assert.True(code == 2, $"{string.Join(' ', arguments)}: exit {code}, {stderr}");
            Assert.Empty(stdout);
            Assert.Single(stderr.Trim().Split('\n'));
            Assert.StartsWith("iamgov: ", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
    }
}
