using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Governance.Core.Accounts.Organization;

/// <summary>
/// Reads one snapshot file's bytes into a <see cref="JsonDocument"/> only once they are known to be safe to read:
/// UTF-8, well-formed JSON within the depth bound, every string escape valid UTF-16, no key given twice in one object.
/// </summary>
/// <remarks>
/// <see cref="JsonDocument"/> accepts what later throws: invalid UTF-8 and lone surrogate escapes (<c>"\uD800"</c>) fail
/// only when a string is read, and a duplicate key silently hides the other value. Checking first, in one pass of
/// <see cref="Utf8JsonReader"/>, turns each into an error with its path and line, and keeps every reader after this
/// one (<see cref="AccountSnapshotReader"/> included) from ever seeing such input.
/// Duplicate keys are refused rather than resolved: the AWS CLI never prints one, and which value AWS or a user meant
/// cannot be told, so taking either could make a confidently wrong answer.
/// </remarks>
internal static class JsonFile
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Parses <paramref name="bytes"/>, or reports why not to <paramref name="log"/> and returns null.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> bytes, int maxDepth, FileLog log)
    {
        var text = WithoutBom(bytes);
        if (Encoding(bytes.Span) is { } other)
        {
            log.Error(string.Empty, $"the file is {other} (it starts with a {other} byte order mark); save it as UTF-8", 1);
            return null;
        }
        if (!Utf8.IsValid(text.Span))
        {
            var offset = FirstInvalidUtf8(text.Span);
            log.Error(string.Empty, $"invalid UTF-8 at byte {offset + (bytes.Length - text.Length)}; the file must be UTF-8", LineAt(text.Span, offset));
            return null;
        }
        if (!Scan(text.Span, maxDepth, log, wanted: null, lines: null))
        {
            return null;
        }
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException e)
        {
            // Invariant: Scan accepted the same bytes with the same depth, so this is not expected.
            log.Error(string.Empty, PolicyEngine.Syntax.JsonTextCheck.Describe(e), (int?)e.LineNumber + 1);
            return null;
        }
    }

    /// <summary>
    /// The 1-based line of each of <paramref name="paths"/> that names an element of the (already checked) file: the
    /// line of its key in an object, of its first character in an array.
    /// </summary>
    public static Dictionary<string, int> Lines(ReadOnlyMemory<byte> bytes, IReadOnlySet<string> paths, int maxDepth)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (paths.Count > 0 && Utf8.IsValid(WithoutBom(bytes).Span))
        {
            Scan(WithoutBom(bytes).Span, maxDepth, log: null, paths, lines);
        }
        return lines;
    }

    private static ReadOnlyMemory<byte> WithoutBom(ReadOnlyMemory<byte> bytes)
        => bytes.Span.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;

    private static string? Encoding(ReadOnlySpan<byte> bytes)
        => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]) ? "UTF-32"
            : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? "UTF-16"
            : null;

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return offset;
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) => bytes[..Math.Min(offset, bytes.Length)].Count((byte)'\n') + 1;

    /// <summary>
    /// One pass over the tokens: reports syntax errors, invalid escapes and duplicate keys to <paramref name="log"/>
    /// (when given) and records the lines of <paramref name="wanted"/> paths (when given). False when anything was wrong.
    /// </summary>
    private static bool Scan(ReadOnlySpan<byte> bytes, int maxDepth, FileLog? log, IReadOnlySet<string>? wanted, Dictionary<string, int>? lines)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow });
        var frames = new Stack<Frame>();
        var line = 1;
        var counted = 0;
        var ok = true;
        string? property = null;
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                line += bytes[counted..start].Count((byte)'\n');
                counted = start;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        var name = ReadString(ref reader);
                        property = name ?? "\uFFFD";
                        var path = Join(frame.Path, property);
                        Record(path);
                        if (name is null)
                        {
                            ok = Report(path, "a key's escape is not valid UTF-16: a lone surrogate such as `\\uD800` has no character");
                        }
                        else if (!frame.Keys!.Add(name))
                        {
                            ok = Report(path, $"duplicate key `{property}`: each key may appear once in an object");
                        }
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var here = ValuePath();
                        frames.Push(new Frame(here, reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        var valuePath = ValuePath();
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && ReadString(ref reader) is null)
                        {
                            ok = Report(valuePath, "a string's escape is not valid UTF-16: a lone surrogate such as `\\uD800` has no character");
                        }
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            log?.Error(string.Empty, PolicyEngine.Syntax.JsonTextCheck.Describe(e), (int?)e.LineNumber + 1);
            return false;
        }
        return ok;

        // The path of the value token just read, counting it as an array item when it is one; records its line.
        string ValuePath()
        {
            if (frames.Count == 0)
            {
                Record(string.Empty);
                return string.Empty;
            }
            var parent = frames.Peek();
            if (parent.Keys is not null)
            {
                return Join(parent.Path, property!);
            }
            var item = $"{parent.Path}[{parent.Index++}]";
            Record(item);
            return item;
        }

        void Record(string path)
        {
            if (wanted is not null && wanted.Contains(path))
            {
                lines!.TryAdd(path, line);
            }
        }

        bool Report(string path, string message)
        {
            log?.Error(path, message, line);
            return false;
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape: valid JSON, but no string can hold it.
            return null;
        }
    }

    internal static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>An open object (with the keys seen so far) or array (with the next item's index).</summary>
    private sealed class Frame(string path, HashSet<string>? keys)
    {
        public string Path { get; } = path;

        public HashSet<string>? Keys { get; } = keys;

        public int Index { get; set; }
    }
}
