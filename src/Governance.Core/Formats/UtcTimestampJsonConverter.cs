using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Core.Formats;

/// <summary>
/// Writes every <see cref="DateTimeOffset"/> in the one form (<see cref="UtcTimestamp"/>); reads any ISO 8601 time, so that
/// documents stored in System.Text.Json's default form (an offset and seven digits) still read.
/// </summary>
/// <remarks>Nullable values use it too: System.Text.Json wraps a value type's converter for <c>DateTimeOffset?</c>.</remarks>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>One shared instance; it holds no state.</summary>
    public static UtcTimestampJsonConverter Instance { get; } = new();

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var moment))
        {
            return moment.ToUniversalTime();
        }
        throw new JsonException($"expected an ISO 8601 time such as {UtcTimestamp.Example}");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(UtcTimestamp.Format(value));
    }
}
