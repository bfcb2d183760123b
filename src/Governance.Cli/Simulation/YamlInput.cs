using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Governance.Cli.Simulation;

/// <summary>
/// Reads <c>--cli-input-yaml</c> into the same tree <c>--cli-input-json</c> gives: mappings as objects, sequences as
/// arrays, plain scalars that are numbers or booleans as such (as YAML 1.1 in the AWS CLI reads them), others as strings.
/// </summary>
/// <remarks>Bounded in depth and size, so aliases cannot multiply a small text into a huge tree. Never throws for any text.</remarks>
internal static class YamlInput
{
    private const int MaxDepth = 64;
    private const int MaxNodes = 100_000;

    /// <summary>The tree of the first document of <paramref name="text"/>, or the problem with its line and column.</summary>
    public static (JsonNode? Value, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return (null, $"line {e.Start.Line} column {e.Start.Column}: {FirstLine(e.InnerException?.Message ?? e.Message)}");
        }
        catch (ArgumentException e)
        {
            // A mapping naming one key twice.
            return (null, $"not valid YAML: {FirstLine(e.Message)}");
        }
        if (stream.Documents.Count == 0)
        {
            return (null, "no YAML document");
        }
        var nodes = 0;
        return Convert(stream.Documents[0].RootNode, 0, ref nodes);
    }

    private static (JsonNode? Value, string? Error) Convert(YamlNode node, int depth, ref int nodes)
    {
        if (depth > MaxDepth || ++nodes > MaxNodes)
        {
            return (null, $"line {node.Start.Line} column {node.Start.Column}: nested deeper than {MaxDepth} or larger than {MaxNodes} values");
        }
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        return (null, $"line {key.Start.Line} column {key.Start.Column}: a key must be a name");
                    }
                    var (converted, error) = Convert(value, depth + 1, ref nodes);
                    if (error is not null)
                    {
                        return (null, error);
                    }
                    obj[name] = converted;
                }
                return (obj, null);
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    var (converted, error) = Convert(item, depth + 1, ref nodes);
                    if (error is not null)
                    {
                        return (null, error);
                    }
                    array.Add(converted);
                }
                return (array, null);
            case YamlScalarNode scalar:
                return (Scalar(scalar), null);
            default:
                return (null, $"line {node.Start.Line} column {node.Start.Column}: not a value");
        }
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }
        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text[0] is 't' or 'T');
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(text);
    }

    private static string FirstLine(string message) =>
        message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "not valid YAML";
}
