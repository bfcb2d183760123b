using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Core.AuditTrail;

namespace Governance.Api.Contracts;

/// <summary>Writes a <see cref="StoredJson"/> as its text's own JSON value; reads one back as <see cref="AuditStateText"/> says.</summary>
internal sealed class StoredJsonConverter : JsonConverter<StoredJson>
{
    public override StoredJson? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return AuditStateText.TryRead(document.RootElement, out var text)
            ? StoredJson.Of(text)
            : throw new JsonException("expected a JSON object, array or string");
    }

    public override void Write(Utf8JsonWriter writer, StoredJson value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        AuditStateText.WriteValue(writer, value.Text);
    }
}
