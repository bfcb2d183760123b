using System.Buffers;
using System.Text;
using System.Text.Json;
using Governance.Core.AuditTrail;
using Governance.Core.Workflow;

namespace Governance.Core.Tests.AuditTrail;

/// <summary>The export carries states as JSON values, and a verifier gets back the exact hashed texts from it.</summary>
public sealed class AuditEventExportTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 19, 23, 2, TimeSpan.Zero);

    [Fact]
    public void Line_ObjectStates_AreJsonObjectsNotStrings()
    {
        // Arrange
        var e = new AuditEvent(1, At, "alice", AuditActions.RequestCreated, Guid.NewGuid(), null, """{"status":"Pending","n":1}""",
            """{"status":"Approved","tags":["a\u002Bb"]}""", AuditHasher.Genesis);

        // Act
        using var line = JsonDocument.Parse(AuditEventExport.Line(e));

        // Assert
        Assert.Equal(JsonValueKind.Object, line.RootElement.GetProperty("before").ValueKind);
        Assert.Equal("Approved", line.RootElement.GetProperty("after").GetProperty("status").GetString());
        Assert.Equal(e.After, line.RootElement.GetProperty("after").GetRawText());
    }

    [Theory]
    [InlineData("""{"status":"Pending"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"a":"caf\u00e9","b":"x\"y"}""")]
    [InlineData(" {\"leading\":\"space\"}")]
    [InlineData("{\"two\":\n\"lines\"}")]
    [InlineData("not json at all")]
    [InlineData("""{"a":1}{"b":2}""")]
    [InlineData("\"a string\"")]
    [InlineData("")]
    public async Task ReadAsync_ExportedEvent_ComesBackWithTheHashedTextsAndVerifies(string state)
    {
        // Arrange
        var first = new AuditEvent(1, At, "alice", AuditActions.RequestCreated, null, null, null, state, AuditHasher.Genesis);
        var second = new AuditEvent(2, At.AddTicks(10), "bob", AuditActions.RequestApproved, null, null, state, null, first.Hash);
        using var stream = new MemoryStream([.. AuditEventExport.Line(first), .. AuditEventExport.Line(second)]);

        // Act
        var read = await new AuditEventExport(stream).ReadAsync(CancellationToken.None).ToListAsync();

        // Assert
        Assert.Equal(2, read.Count);
        Assert.Equal(state, read[0].After);
        Assert.Equal(state, read[1].Before);
        Assert.Null(AuditChainLink.Check(read[0], 1, AuditHasher.Genesis));
        Assert.Null(AuditChainLink.Check(read[1], 2, read[0].Hash));
    }

    [Fact]
    public async Task ReadAsync_ExportWithStatesAsStrings_StillReadsAndVerifies()
    {
        // Arrange: the line as exports written before states became objects carry it, the texts as JSON strings.
        var e = new AuditEvent(1, At, "alice", AuditActions.RequestCreated, null, null, """{"status":"Pending"}""", """{"status":"Approved"}""",
            AuditHasher.Genesis);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("sequence", 1);
            w.WriteString("occurredAt", "2026-12-04T19:23:02.000000Z");
            w.WriteString("actor", "alice");
            w.WriteString("action", AuditActions.RequestCreated);
            w.WriteNull("requestId");
            w.WriteNull("grantId");
            w.WriteString("before", e.Before);
            w.WriteString("after", e.After);
            w.WriteString("previousHash", e.PreviousHash);
            w.WriteString("hash", e.Hash);
            w.WriteEndObject();
        }
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n"));

        // Act
        var read = Assert.Single(await new AuditEventExport(stream).ReadAsync(CancellationToken.None).ToListAsync());

        // Assert
        Assert.Equal(e.Before, read.Before);
        Assert.Null(AuditChainLink.Check(read, 1, AuditHasher.Genesis));
    }

    [Fact]
    public async Task ReadAsync_StateAsNumber_IsRefusedWithItsLine()
    {
        // Arrange
        const string line = """{"sequence":1,"occurredAt":"2026-12-04T19:23:02.000000Z","actor":"a","action":"x","before":5,"after":null,"previousHash":"0","hash":"0"}""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(line + "\n"));

        // Act
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await new AuditEventExport(stream).ReadAsync(CancellationToken.None).ToListAsync());

        // Assert
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }
}
