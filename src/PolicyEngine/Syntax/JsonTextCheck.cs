using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace PolicyEngine.Syntax;

/// <summary>
/// Reads outside JSON only once it is known to be safe to read: UTF-8 (a UTF-8 byte order mark is skipped, another one
/// refused), well-formed, within the depth bound, no escape naming half a character, and, when asked, no key twice.
/// </summary>
/// <remarks>
/// <see cref="JsonDocument"/> accepts what later throws: invalid UTF-8 inside a string and lone surrogate escapes
/// (<c>"\ud800"</c>) fail only when the string is read, far from any place a caller can report. One pass of
/// <see cref="Utf8JsonReader"/> here turns each into a <see cref="JsonTextProblem"/> with its line, column and path, so
/// that every reader of files, snapshots and request bodies answers any byte sequence with a problem, never an exception.
/// Never throws for any input; thread-safe.
/// </remarks>
public static class JsonTextCheck
{
    /// <summary>
    /// What <paramref name="e"/>, thrown by <see cref="System.Text.Json"/>'s reader, says in this project's words
    /// (<c>invalid JSON: a comma before `}`; …</c>), without its position or advice meant for the program; for readers
    /// outside this library that meet the reader's errors themselves.
    /// </summary>
    public static string Describe(JsonException e) => JsonTextMessages.InvalidJson(e);

    /// <summary>The first problem of <paramref name="utf8"/>, or null when <see cref="JsonDocument"/> can read it and every string in it.</summary>
    public static JsonTextProblem? Check(ReadOnlyMemory<byte> utf8, JsonTextRules? rules = null)
    {
        rules ??= JsonTextRules.Default;
        return EncodingProblem(utf8) ?? Scan(JsonEncoding.WithoutBom(utf8), rules);
    }

    /// <summary>Parses <paramref name="utf8"/> once <see cref="Check"/> finds nothing wrong.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> utf8, JsonTextRules? rules,
        [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out JsonTextProblem? problem)
    {
        rules ??= JsonTextRules.Default;
        document = null;
        problem = Check(utf8, rules);
        if (problem is not null)
        {
            return false;
        }
        try
        {
            document = JsonDocument.Parse(JsonEncoding.WithoutBom(utf8), new JsonDocumentOptions
            {
                MaxDepth = rules.MaxDepth,
                CommentHandling = rules.AllowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
            });
            return true;
        }
        catch (JsonException e)
        {
            // Invariant: Check accepted the same bytes under the same rules, so this is not expected.
            problem = FromException(e, string.Empty);
            return false;
        }
    }

    /// <summary>
    /// Parses text already decoded (a file read as text, a string from a request); a character that has no UTF-8 form
    /// (a lone surrogate <c>char</c>) is read as U+FFFD, as a file decoder would have.
    /// </summary>
    public static bool TryParse(string text, JsonTextRules? rules,
        [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out JsonTextProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(Encoding.UTF8.GetBytes(text), rules, out document, out problem);
    }

    /// <summary>
    /// The text of a file's bytes when they are UTF-8 (a UTF-8 byte order mark is dropped); otherwise the problem, for
    /// readers that take text: decoding alone would read invalid bytes as U+FFFD, or a UTF-16 file as if it were fine.
    /// </summary>
    public static bool TryDecode(ReadOnlyMemory<byte> bytes, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out JsonTextProblem? problem)
    {
        text = null;
        problem = EncodingProblem(bytes);
        if (problem is not null)
        {
            return false;
        }
        text = Encoding.UTF8.GetString(JsonEncoding.WithoutBom(bytes).Span);
        return true;
    }

    private static JsonTextProblem? EncodingProblem(ReadOnlyMemory<byte> utf8)
    {
        if (JsonEncoding.ForeignEncoding(utf8.Span) is { } encoding)
        {
            return new JsonTextProblem(JsonTextMessages.ForeignEncoding(encoding), 1, 1, string.Empty);
        }
        var text = JsonEncoding.WithoutBom(utf8);
        var invalid = JsonEncoding.FirstInvalidUtf8(text.Span);
        if (invalid < 0)
        {
            return null;
        }
        var (line, column) = new LineTracker(text).At(invalid);
        return new JsonTextProblem(JsonTextMessages.InvalidUtf8(text.Span[invalid]), line, column, string.Empty);
    }

    private static JsonTextProblem? Scan(ReadOnlyMemory<byte> text, JsonTextRules rules)
    {
        var span = text.Span;
        var reader = new Utf8JsonReader(span, new JsonReaderOptions
        {
            // One above ours, so that ours, with its clearer message and its path, fires first.
            MaxDepth = rules.MaxDepth + 1,
            CommentHandling = rules.AllowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
        });
        var lines = new LineTracker(text);
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                    {
                        ref var frame = ref CollectionsMarshal.AsSpan(frames)[^1];
                        frame.Name = new Segment((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, -1);
                        if (!JsonEscapes.TryGetString(ref reader, out var name, out var lone))
                        {
                            return LoneSurrogate(span, frames, frame.Name, (int)reader.TokenStartIndex + 1 + lone, ref lines);
                        }
                        if (rules.RefuseDuplicateKeys && !(frame.Keys ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                        {
                            var (line, column) = lines.At(reader.TokenStartIndex);
                            return new JsonTextProblem(JsonTextMessages.DuplicateKey(name), line, column, Path(span, frames, frame.Name));
                        }
                        break;
                    }
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    {
                        var reached = NextValue(frames);
                        if (frames.Count >= rules.MaxDepth)
                        {
                            var (line, column) = lines.At(reader.TokenStartIndex);
                            return new JsonTextProblem(JsonTextMessages.TooDeep(rules.MaxDepth), line, column, Path(span, frames, reached));
                        }
                        frames.Add(new Frame { IsObject = reader.TokenType == JsonTokenType.StartObject, Reached = reached });
                        break;
                    }
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                    {
                        var reached = NextValue(frames);
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped
                            && JsonEscapes.FindLoneSurrogate(reader.ValueSpan) is var lone and >= 0)
                        {
                            return LoneSurrogate(span, frames, reached, (int)reader.TokenStartIndex + 1 + lone, ref lines);
                        }
                        break;
                    }
                }
            }
        }
        catch (JsonException e)
        {
            return FromException(e, frames.Count == 0 ? string.Empty : Path(span, frames, null));
        }
        return null;
    }

    private static JsonTextProblem FromException(JsonException e, string path)
        => new(JsonTextMessages.InvalidJson(e), (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, path);

    private static JsonTextProblem LoneSurrogate(ReadOnlySpan<byte> span, List<Frame> frames, Segment? at, int offset, ref LineTracker lines)
    {
        var (line, column) = lines.At(offset);
        return new JsonTextProblem(JsonTextMessages.LoneSurrogate(span.Slice(offset, JsonEscapes.UnicodeEscapeLength)), line, column,
            Path(span, frames, at));
    }

    /// <summary>How the value about to be read is reached from its container; counts it when the container is an array.</summary>
    private static Segment? NextValue(List<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return null;
        }
        ref var parent = ref CollectionsMarshal.AsSpan(frames)[^1];
        return parent.IsObject ? parent.Name : new Segment(-1, 0, parent.Index++);
    }

    /// <summary>The parser's path form (<c>Statement[0].Resource</c>), built only when a problem is reported.</summary>
    private static string Path(ReadOnlySpan<byte> span, List<Frame> frames, Segment? last)
    {
        var path = string.Empty;
        foreach (var frame in frames)
        {
            path = Append(span, path, frame.Reached);
        }
        return Append(span, path, last);
    }

    private static string Append(ReadOnlySpan<byte> span, string path, Segment? segment) => segment switch
    {
        null => path,
        { Start: < 0 } index => JsonPath.Index(path, index.Index),
        { } name => JsonPath.Property(path, Decode(span.Slice(name.Start, name.Length))),
    };

    /// <summary>A key as its text means it; as written when it holds an escape no string can hold.</summary>
    private static string Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'\\') < 0 || JsonEscapes.FindLoneSurrogate(raw) >= 0)
        {
            return Encoding.UTF8.GetString(raw);
        }
        var quoted = new byte[raw.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        raw.CopyTo(quoted.AsSpan(1));
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>A key read from its raw text (<see cref="Start"/>, <see cref="Length"/>), or an array index (<see cref="Start"/> negative).</summary>
    private readonly record struct Segment(int Start, int Length, int Index);

    /// <summary>An open object (with its last key, and the keys seen when duplicates are refused) or array (with its next index).</summary>
    private struct Frame
    {
        public bool IsObject;
        public int Index;
        public Segment? Name;
        public Segment? Reached;
        public HashSet<string>? Keys;
    }
}
