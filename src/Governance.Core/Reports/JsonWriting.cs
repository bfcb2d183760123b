using System.Text.Json;

namespace Governance.Core.Reports;

/// <summary>What the streamed JSON reports share: arrays of strings, and handing bytes on as they pile up.</summary>
internal static class JsonWriting
{
    /// <summary>How many bytes a report's writer holds before handing them to its stream.</summary>
    private const int FlushThreshold = 64 * 1024;

    public static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    /// <summary>Hands the buffered bytes to the stream once they pass 64 KB, so memory stays flat however large the report.</summary>
    public static void FlushWhenFull(Utf8JsonWriter json)
    {
        if (json.BytesPending > FlushThreshold)
        {
            json.Flush();
        }
    }
}
