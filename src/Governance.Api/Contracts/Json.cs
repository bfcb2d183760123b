using System.Text.Json;

namespace Governance.Api.Contracts;

/// <summary>Stored JSON text as a JSON value in responses.</summary>
internal static class Json
{
    public static JsonElement Element(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
