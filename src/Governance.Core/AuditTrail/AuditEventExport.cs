using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Governance.Core.AuditTrail;

/// <summary>
/// The audit chain as JSON lines, one event per line with its stored hashes, so that a PostgreSQL deployment's trail
/// can be verified offline as the SQLite file can.
/// </summary>
/// <remarks>
/// Each line is an object with <c>sequence</c>, <c>occurredAt</c> (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>), <c>actor</c>,
/// <c>action</c>, <c>requestId</c>, <c>grantId</c>, <c>before</c>, <c>after</c>, <c>previousHash</c> and <c>hash</c>:
/// the fields of the canonical form (<see cref="AuditHasher"/>), so every value hashed is exported exactly. The states
/// are JSON values as <see cref="AuditStateText"/> writes them (an object is the hashed text byte for byte); exports
/// that carry them as strings still read.
/// </remarks>
public sealed class AuditEventExport(Stream stream) : IAuditEventSource
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>Writes every event of <paramref name="source"/> to <paramref name="output"/>, one line each.</summary>
    /// <returns>How many events were written.</returns>
    public static async Task<long> WriteAsync(IAuditEventSource source, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        long count = 0;
        await foreach (var e in source.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await output.WriteAsync(Line(e), cancellationToken).ConfigureAwait(false);
            count++;
        }
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>One event's line, with its final newline.</summary>
    public static byte[] Line(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("sequence", e.Sequence);
            w.WriteString("occurredAt", e.OccurredAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
            w.WriteString("actor", e.Actor);
            w.WriteString("action", e.Action);
            w.WriteString("requestId", e.RequestId?.ToString("D"));
            w.WriteString("grantId", e.GrantId?.ToString("D"));
            AuditStateText.Write(w, "before", e.Before);
            AuditStateText.Write(w, "after", e.After);
            w.WriteString("previousHash", e.PreviousHash);
            w.WriteString("hash", e.Hash);
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }
            yield return Parse(line) ?? throw new InvalidDataException($"line {number} is not an exported audit event");
        }
    }

    private static AuditEvent? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("sequence", out var sequence) || !sequence.TryGetInt64(out var seq)
                || Text(root, "occurredAt") is not { } at
                || !DateTimeOffset.TryParseExact(at, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var occurredAt)
                || Text(root, "actor") is not { } actor || Text(root, "action") is not { } action
                || Text(root, "previousHash") is not { } previousHash || Text(root, "hash") is not { } hash)
            {
                return null;
            }
            if (!State(root, "before", out var before) || !State(root, "after", out var after))
            {
                return null;
            }
            return AuditEvent.Restore(seq, occurredAt.ToUniversalTime(), actor, action, Id(root, "requestId"), Id(root, "grantId"),
                before, after, previousHash, hash);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A state as <see cref="AuditStateText"/> carries it; a missing field is no state, as older exports wrote null.</summary>
    private static bool State(JsonElement root, string name, out string? text)
    {
        text = null;
        return !root.TryGetProperty(name, out var value) || AuditStateText.TryRead(value, out text);
    }

    private static Guid? Id(JsonElement root, string name) => Text(root, name) is { } text ? Guid.Parse(text, CultureInfo.InvariantCulture) : null;
}
