using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Governance.Core.AuditTrail.Checkpoints;

/// <summary>The file format of a checkpoint and the exact bytes its signature covers.</summary>
/// <remarks>
/// A checkpoint file is one JSON object: <c>version</c>, <c>algorithm</c>, <c>keyId</c>, <c>from</c>, <c>to</c>,
/// <c>createdAt</c> (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>), <c>headHash</c>, <c>previousSignature</c> (or null),
/// <c>eventHashes</c> and <c>signature</c>. The signed bytes are the same object without <c>signature</c>, compact,
/// in that order; a verifier rebuilds them from the parsed values, so the file's whitespace does not matter but every
/// value does. Changing the signed form breaks every existing checkpoint: add fields only with a new version.
/// </remarks>
public static class AuditCheckpointFormat
{
    /// <summary>The format version written.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The one signature algorithm: ECDSA on P-256 with SHA-256.</summary>
    public const string Algorithm = "ECDSA-P256-SHA256";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>The canonical UTF-8 bytes the signature covers: every field but the signature.</summary>
    public static byte[] SignedBytes(AuditCheckpoint checkpoint) => Write(checkpoint, indented: false, withSignature: false);

    /// <summary>The file's content: the signed fields and the signature, indented for people.</summary>
    public static byte[] FileBytes(AuditCheckpoint checkpoint) => Write(checkpoint, indented: true, withSignature: true);

    /// <summary>Reads a checkpoint file; the signature is not checked here (see <see cref="AuditPublicKey.Verify"/>).</summary>
    /// <returns>The checkpoint, or why the bytes are not one (lower case, one line).</returns>
    public static (AuditCheckpoint? Checkpoint, string? Error) Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return (null, $"not JSON: {e.Message}");
        }
    }

    private static (AuditCheckpoint? Checkpoint, string? Error) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "not a JSON object");
        }
        if (Number(root, "version") != CurrentVersion)
        {
            return (null, $"unknown format version (this verifier reads version {CurrentVersion})");
        }
        if (Text(root, "algorithm") != Algorithm)
        {
            return (null, $"`algorithm` must be `{Algorithm}`");
        }
        if (Number(root, "from") is not { } from || Number(root, "to") is not { } to || from < 1 || to < from)
        {
            return (null, "`from` and `to` must be sequence numbers with from <= to");
        }
        if (!root.TryGetProperty("eventHashes", out var hashes) || hashes.ValueKind != JsonValueKind.Array
            || hashes.GetArrayLength() != to - from + 1 || hashes.EnumerateArray().Any(static h => h.ValueKind != JsonValueKind.String))
        {
            return (null, $"`eventHashes` must hold one hash for each event from {from} to {to}");
        }
        var eventHashes = hashes.EnumerateArray().Select(static h => h.GetString()!).ToImmutableArray();
        if (Text(root, "headHash") != eventHashes[^1])
        {
            return (null, "`headHash` is not the hash of the last event covered");
        }
        if (Text(root, "createdAt") is not { } created
            || !DateTimeOffset.TryParseExact(created, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt))
        {
            return (null, "`createdAt` must be a UTC time such as 2026-01-31T12:00:00.000000Z");
        }
        if (!root.TryGetProperty("previousSignature", out var previous) || previous.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return (null, "`previousSignature` must be a signature or null");
        }
        if (Text(root, "keyId") is not { Length: > 0 } keyId || Text(root, "signature") is not { Length: > 0 } signature)
        {
            return (null, "`keyId` and `signature` are required");
        }
        return (new AuditCheckpoint(CurrentVersion, from, to, eventHashes, createdAt.ToUniversalTime(), previous.GetString(), keyId, signature), null);
    }

    private static long? Number(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    private static string? Text(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Write(AuditCheckpoint c, bool indented, bool withSignature)
    {
        ArgumentNullException.ThrowIfNull(c);
        var buffer = new ArrayBufferWriter<byte>(128 + (c.EventHashes.Length * 70));
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = indented,
            // Base64's `+` and `/` written as themselves: the signed bytes are plain to rebuild in any language.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", c.Version);
            w.WriteString("algorithm", Algorithm);
            w.WriteString("keyId", c.KeyId);
            w.WriteNumber("from", c.From);
            w.WriteNumber("to", c.To);
            w.WriteString("createdAt", c.CreatedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
            w.WriteString("headHash", c.HeadHash);
            w.WriteString("previousSignature", c.PreviousSignature);
            w.WriteStartArray("eventHashes");
            foreach (var hash in c.EventHashes)
            {
                w.WriteStringValue(hash);
            }
            w.WriteEndArray();
            if (withSignature)
            {
                w.WriteString("signature", c.Signature);
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
