using System.Text.Json;

namespace Governance.Core.Accounts;

/// <summary>The kind of a JSON value as the snapshot readers' error messages name it ("expected a string, found an array").</summary>
internal static class JsonKinds
{
    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
