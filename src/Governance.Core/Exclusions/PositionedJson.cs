using System.Collections.Immutable;
using System.Text.Json;

namespace Governance.Core.Exclusions;

/// <summary>
/// A JSON value of text <see cref="PolicyEngine.Syntax.JsonTextCheck"/> has accepted, with the line and column it starts
/// at, so that a field's problem is reported at its place rather than as a path alone.
/// </summary>
internal sealed record PositionedJson(JsonTokenType Kind, int Line, int Column, string? Text, ImmutableArray<(string Name, PositionedJson Value)> Properties,
    ImmutableArray<PositionedJson> Items)
{
    /// <summary>Reads the one value of <paramref name="utf8"/> (without a byte order mark; checked, so well-formed and within depth).</summary>
    public static PositionedJson Read(ReadOnlyMemory<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        var lines = new Lines(utf8);
        reader.Read();
        return ReadValue(ref reader, lines);
    }

    /// <summary>How a message names this kind of value.</summary>
    public string Describe() => Kind switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };

    private static PositionedJson ReadValue(ref Utf8JsonReader reader, Lines lines)
    {
        var (line, column) = lines.At((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var properties = ImmutableArray.CreateBuilder<(string, PositionedJson)>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    properties.Add((name, ReadValue(ref reader, lines)));
                }
                return new PositionedJson(JsonTokenType.StartObject, line, column, null, properties.ToImmutable(), []);
            }
            case JsonTokenType.StartArray:
            {
                var items = ImmutableArray.CreateBuilder<PositionedJson>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines));
                }
                return new PositionedJson(JsonTokenType.StartArray, line, column, null, [], items.ToImmutable());
            }
            case JsonTokenType.String:
                return new PositionedJson(JsonTokenType.String, line, column, reader.GetString(), [], []);
            default:
                return new PositionedJson(reader.TokenType, line, column, null, [], []);
        }
    }

    /// <summary>Line and column (in characters) of a byte offset.</summary>
    private sealed class Lines(ReadOnlyMemory<byte> utf8)
    {
        private readonly ReadOnlyMemory<byte> _text = utf8;
        private readonly List<int> _starts = Starts(utf8.Span);

        public (int Line, int Column) At(int offset)
        {
            var index = _starts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            var column = 1;
            foreach (var b in _text.Span[_starts[line]..offset])
            {
                // Continuation bytes are part of the character their lead byte started.
                if ((b & 0xC0) != 0x80)
                {
                    column++;
                }
            }
            return (line + 1, column);
        }

        private static List<int> Starts(ReadOnlySpan<byte> text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == (byte)'\n')
                {
                    starts.Add(i + 1);
                }
            }
            return starts;
        }
    }
}
