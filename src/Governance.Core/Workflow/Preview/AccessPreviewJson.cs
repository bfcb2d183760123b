using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Core.Formats;

namespace Governance.Core.Workflow.Preview;

/// <summary>The JSON form of a preview, as stored with the request and returned by the API.</summary>
public static class AccessPreviewJson
{
    /// <summary>camelCase names, enums as strings, times in the one form (<see cref="UtcTimestamp"/>).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), UtcTimestampJsonConverter.Instance },
    };

    /// <summary>Serializes a preview.</summary>
    public static string Serialize(AccessPreview preview) => JsonSerializer.Serialize(preview, Options);

    /// <summary>Reads a stored preview.</summary>
    public static AccessPreview Deserialize(string json)
        => JsonSerializer.Deserialize<AccessPreview>(json, Options) ?? throw new JsonException("stored preview is null");
}
