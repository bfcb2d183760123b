using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Core.Infrastructure.Aws.Organizations;

/// <summary>Reads strings out of AWS's JSON answers without trusting their shape.</summary>
internal static class JsonText
{
    /// <summary>The node's text when it is a JSON string, else null.</summary>
    public static string? Of(JsonNode? node)
        => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
