using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Governance.Cli.Simulation;

/// <summary>
/// Reads <c>--cli-input-yaml</c> into the same tree <c>--cli-input-json</c> gives: mappings as objects, sequences as
/// arrays, plain scalars that are numbers or booleans as such (as YAML 1.1 in the AWS CLI reads them), others as strings.
/// </summary>
/// <remarks>
/// Built from the parser's events with a stack of its own: YamlDotNet's document model recurses once per level and
/// overflows the thread's stack on deep nesting (<c>[[[[…</c>), which no handler can catch. Bounded in depth and in the
/// values aliases may copy, so a small text cannot grow into a huge tree. Never throws for any text.
/// </remarks>
internal static class YamlInput
{
    private const int MaxDepth = 64;
    private const int MaxValues = 100_000;

    /// <summary>The tree of the first document of <paramref name="text"/>, or the problem with its line and column.</summary>
    public static (JsonNode? Value, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return Read(new Parser(new StringReader(text)));
        }
        catch (YamlException e)
        {
            return (null, $"line {e.Start.Line} column {e.Start.Column}: {FirstLine(e.InnerException?.Message ?? e.Message)}");
        }
    }

    private static (JsonNode? Value, string? Error) Read(Parser parser)
    {
        var stack = new Stack<Frame>();
        var anchors = new Dictionary<string, (JsonNode? Node, int Values)>(StringComparer.Ordinal);
        var values = 0;
        var sawDocument = false;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var top = stack.Count > 0 ? stack.Peek() : null;
            var awaitingKey = top is { Node: JsonObject, Key: null };
            string? problem = null;
            switch (current)
            {
                case DocumentStart:
                    sawDocument = true;
                    break;
                case Scalar scalar when awaitingKey:
                    top!.Key = scalar.Value;
                    break;
                case Scalar scalar:
                    var value = ScalarValue(scalar);
                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchors[scalar.Anchor.Value] = (value?.DeepClone(), 1);
                    }
                    problem = ++values > MaxValues ? TooLarge(current) : null;
                    if (problem is null && Add(stack, value) is { } done)
                    {
                        return (done.Value, null);
                    }
                    break;
                case NodeEvent start when start is SequenceStart or MappingStart:
                    problem = awaitingKey ? $"line {current.Start.Line} column {current.Start.Column}: a key must be a name"
                        : stack.Count >= MaxDepth || ++values > MaxValues ? TooLarge(current) : null;
                    stack.Push(new Frame(start is SequenceStart ? new JsonArray() : new JsonObject(), start.Anchor.IsEmpty ? null : start.Anchor.Value, values));
                    break;
                case SequenceEnd or MappingEnd:
                    var frame = stack.Pop();
                    if (frame.Anchor is { } anchor)
                    {
                        anchors[anchor] = (frame.Node.DeepClone(), values - frame.ValuesBefore + 1);
                    }
                    if (Add(stack, frame.Node) is { } finished)
                    {
                        return (finished.Value, null);
                    }
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var anchored))
                    {
                        problem = $"line {current.Start.Line} column {current.Start.Column}: `*{alias.Value.Value}` names no anchor";
                    }
                    else if (awaitingKey)
                    {
                        problem = $"line {current.Start.Line} column {current.Start.Column}: a key must be a name";
                    }
                    else
                    {
                        values += anchored.Values;
                        problem = values > MaxValues ? TooLarge(current) : null;
                        if (problem is null && Add(stack, anchored.Node?.DeepClone()) is { } copied)
                        {
                            return (copied.Value, null);
                        }
                    }
                    break;
                case DocumentEnd:
                    return (null, "the YAML document holds no value");
                default:
                    break;
            }
            if (problem is not null)
            {
                return (null, problem);
            }
        }
        return (null, sawDocument ? "the YAML document holds no value" : "no YAML document");
    }

    /// <summary>Puts <paramref name="value"/> in the open collection; the root value, once there is no collection open.</summary>
    private static Done? Add(Stack<Frame> stack, JsonNode? value)
    {
        if (stack.Count == 0)
        {
            return new Done(value);
        }
        var top = stack.Peek();
        if (top.Node is JsonArray array)
        {
            array.Add(value);
        }
        else
        {
            // A key given twice keeps its last value.
            ((JsonObject)top.Node)[top.Key!] = value;
            top.Key = null;
        }
        return null;
    }

    private static string TooLarge(ParsingEvent at)
        => $"line {at.Start.Line} column {at.Start.Column}: nested deeper than {MaxDepth} levels or more than {MaxValues} values";

    private static JsonValue? ScalarValue(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
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

    /// <summary>An open sequence or mapping, with the key whose value comes next.</summary>
    private sealed class Frame(JsonNode node, string? anchor, int valuesBefore)
    {
        public JsonNode Node { get; } = node;

        public string? Anchor { get; } = anchor;

        public int ValuesBefore { get; } = valuesBefore;

        public string? Key { get; set; }
    }

    private sealed record Done(JsonNode? Value);
}
