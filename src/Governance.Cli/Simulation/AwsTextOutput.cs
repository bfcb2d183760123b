using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Cli.Simulation;

/// <summary>
/// The AWS CLI's <c>--output text</c> (awscli/text.py): a structure's scalars on one tab-separated line, keys sorted,
/// headed by the name of the list or member holding it in capitals; lists of scalars one line per item; empty lists
/// print nothing.
/// </summary>
internal static class AwsTextOutput
{
    /// <summary>The text form of <paramref name="value"/>.</summary>
    public static string Format(JsonNode? value)
    {
        var text = new StringBuilder();
        Write(value, null, null, text);
        return text.ToString();
    }

    private static void Write(JsonNode? item, string? identifier, IReadOnlyList<string>? scalarKeys, StringBuilder text)
    {
        switch (item)
        {
            case JsonObject obj:
                WriteObject(obj, identifier, scalarKeys, text);
                break;
            case JsonArray array:
                WriteList(array, identifier, text);
                break;
            default:
                text.Append(Scalar(item)).Append('\n');
                break;
        }
    }

    private static void WriteList(JsonArray array, string? identifier, StringBuilder text)
    {
        if (array.Count == 0)
        {
            return;
        }
        if (array.Any(static e => e is JsonObject))
        {
            var keys = array.OfType<JsonObject>().SelectMany(static o => o.Where(static p => !IsNested(p.Value)).Select(static p => p.Key))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            foreach (var element in array)
            {
                Write(element, identifier, keys, text);
            }
            return;
        }
        var scalars = array.Where(static e => !IsNested(e)).ToList();
        if (scalars.Count > 0)
        {
            if (identifier is not null)
            {
                foreach (var scalar in scalars)
                {
                    text.Append(identifier.ToUpperInvariant()).Append('\t').Append(Scalar(scalar)).Append('\n');
                }
            }
            else
            {
                text.AppendJoin('\t', scalars.Select(Scalar)).Append('\n');
            }
        }
        foreach (var nested in array.Where(IsNested))
        {
            Write(nested, identifier, null, text);
        }
    }

    private static void WriteObject(JsonObject obj, string? identifier, IReadOnlyList<string>? scalarKeys, StringBuilder text)
    {
        List<string> scalars;
        List<KeyValuePair<string, JsonNode?>> nested;
        if (scalarKeys is null)
        {
            var sorted = obj.OrderBy(static p => p.Key, StringComparer.Ordinal).ToList();
            scalars = [.. sorted.Where(static p => !IsNested(p.Value)).Select(static p => Scalar(p.Value))];
            nested = [.. sorted.Where(static p => IsNested(p.Value))];
        }
        else
        {
            scalars = [.. scalarKeys.Select(k => obj.TryGetPropertyValue(k, out var v) ? Scalar(v) : string.Empty)];
            nested = [.. obj.Where(p => !scalarKeys.Contains(p.Key)).OrderBy(static p => p.Key, StringComparer.Ordinal)];
        }
        if (scalars.Count > 0)
        {
            if (identifier is not null)
            {
                scalars.Insert(0, identifier.ToUpperInvariant());
            }
            text.AppendJoin('\t', scalars).Append('\n');
        }
        foreach (var (key, value) in nested)
        {
            Write(value, key, null, text);
        }
    }

    private static bool IsNested(JsonNode? node) => node is JsonObject or JsonArray;

    /// <summary>A scalar as Python's <c>str</c> writes it: booleans <c>True</c>/<c>False</c>, null <c>None</c>.</summary>
    private static string Scalar(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "None",
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.String => node.GetValue<string>(),
        _ => Convert.ToString(node.ToJsonString(), CultureInfo.InvariantCulture),
    };
}
