using System.Text.Json;
using Governance.Core.AuditTrail;
using Governance.Core.Formats;
using Governance.Core.Workflow;

namespace Governance.Core.Tests.Formats;

public sealed class UtcTimestampTests
{
    [Fact]
    public void Format_OffsetAndSevenDigits_WritesUtcWithSixDigitsAndZ()
    {
        // Arrange: 21:23:02.1234567 at +02:00 is 19:23:02.1234567 UTC; the seventh digit is cut, never rounded up.
        var moment = new DateTimeOffset(2026, 12, 4, 21, 23, 2, TimeSpan.FromHours(2)).AddTicks(1_234_567);

        // Act
        var text = UtcTimestamp.Format(moment);

        // Assert
        Assert.Equal("2026-12-04T19:23:02.123456Z", text);
    }

    [Fact]
    public void Format_WholeSecond_KeepsTheFixedDigits()
    {
        Assert.Equal("2026-01-01T00:00:00.000000Z", UtcTimestamp.Format(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("2026-12-04T19:23:02.123456Z", true)]
    [InlineData("2026-12-04T19:23:02.123Z", false)]
    [InlineData("2026-12-04T19:23:02.1234560+00:00", false)]
    [InlineData("2026-12-04 19:23:02.123456Z", false)]
    public void TryParseExact_OnlyTheOneForm_Reads(string text, bool expected)
    {
        Assert.Equal(expected, UtcTimestamp.TryParseExact(text, out _));
    }

    [Theory]
    [InlineData("2026-12-04T21:23:02+02:00")]
    [InlineData("2026-12-04T19:23:02Z")]
    [InlineData("2026-12-04T19:23:02.0000000+00:00")]
    [InlineData("2026-12-04T19:23:02")]
    public void TryParse_AnyIso8601Form_ReadsTheSameUtcMoment(string text)
    {
        // Act
        var read = UtcTimestamp.TryParse(text, out var moment);

        // Assert
        Assert.True(read, text);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 19, 23, 2, TimeSpan.Zero), moment);
        Assert.Equal(TimeSpan.Zero, moment.Offset);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-12-04")]
    [InlineData("")]
    public void TryParse_NotADateAndTime_IsFalse(string text)
    {
        Assert.False(UtcTimestamp.TryParse(text, out _));
    }

    [Fact]
    public void Converter_DefaultFormOfStoredDocuments_ReadsAndWritesTheOneForm()
    {
        // Arrange: a document as System.Text.Json wrote it before the converter, with its offset and seven digits.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { UtcTimestampJsonConverter.Instance } };
        const string stored = """{"at":"2026-12-04T21:23:02.1234567+02:00","until":null}""";

        // Act
        var read = JsonSerializer.Deserialize<Stamped>(stored, options)!;
        var written = JsonSerializer.Serialize(read with { Until = read.At }, options);

        // Assert
        Assert.Equal("""{"at":"2026-12-04T19:23:02.123456Z","until":"2026-12-04T19:23:02.123456Z"}""", written);
    }

    [Fact]
    public void Converter_NotATime_ThrowsJsonException()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { UtcTimestampJsonConverter.Instance } };
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Stamped>("""{"at":"soon"}""", options));
    }

    [Fact]
    public void Format_AuditEventTime_IsTheTextTheChainHashes()
    {
        // Arrange: what the answers show for an event must be the hashed text, so a verifier can use it as it is.
        var at = AuditHasher.Normalize(new DateTimeOffset(2026, 12, 4, 19, 23, 2, TimeSpan.Zero).AddTicks(1_234_567));
        var e = new AuditEvent(1, at, "alice", AuditActions.RequestCreated, null, null, null, null, AuditHasher.Genesis);

        // Act
        using var canonical = JsonDocument.Parse(AuditHasher.Canonical(e));

        // Assert
        Assert.Equal(UtcTimestamp.Format(e.OccurredAt), canonical.RootElement.GetProperty("occurredAt").GetString());
    }

    private sealed record Stamped(DateTimeOffset At, DateTimeOffset? Until);
}
