using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Governance.Core.AuditTrail;

/// <summary>The canonical serialization of an audit event and its SHA-256.</summary>
/// <remarks>
/// The canonical form is a compact JSON object with the fields in this fixed order: <c>sequence</c>, <c>occurredAt</c>
/// (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>), <c>actor</c>, <c>action</c>, <c>requestId</c>, <c>grantId</c> (lower-case
/// GUIDs with hyphens, or null), <c>before</c>, <c>after</c> (the JSON texts as strings, or null) and
/// <c>previousHash</c>. Changing it breaks every existing chain: add fields only with a format version.
/// </remarks>
public static class AuditHasher
{
    /// <summary>The previous hash of the first event.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The canonical UTF-8 bytes of <paramref name="e"/>, without its own hash.</summary>
    public static byte[] Canonical(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteNumber("sequence", e.Sequence);
            w.WriteString("occurredAt", e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("actor", e.Actor);
            w.WriteString("action", e.Action);
            WriteGuid(w, "requestId", e.RequestId);
            WriteGuid(w, "grantId", e.GrantId);
            w.WriteString("before", e.Before);
            w.WriteString("after", e.After);
            w.WriteString("previousHash", e.PreviousHash);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Lower-case hex SHA-256 of <see cref="Canonical"/>.</summary>
    public static string Compute(AuditEvent e) => Convert.ToHexStringLower(SHA256.HashData(Canonical(e)));

    /// <summary>Truncates to whole microseconds, the precision PostgreSQL keeps.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    private static void WriteGuid(Utf8JsonWriter w, string name, Guid? id)
    {
        if (id is { } value)
        {
            w.WriteString(name, value.ToString("D"));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
