using System.Text.Json;
using PolicyEngine.Diagnostics;
using PolicyEngine.Syntax;

namespace Governance.Cli.Validation;

/// <summary>
/// Where each value of a JSON text stands (1-based line and column, columns in characters), by the JSON path the
/// validator uses (<c>inlinePolicies.read.Statement[0].Effect</c>), and the text of its string values: what places a
/// finding about a document inside a file at its line in that file.
/// </summary>
/// <remarks>Never throws: a text that stops being readable part-way keeps the places read before the problem.</remarks>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _places = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    private JsonPositions()
    {
    }

    /// <summary>Reads <paramref name="utf8"/> (no byte order mark); comments are skipped.</summary>
    public static JsonPositions Scan(ReadOnlyMemory<byte> utf8)
    {
        var positions = new JsonPositions();
        positions.Read(utf8);
        return positions;
    }

    /// <summary>The place of the value at <paramref name="path"/>, or null when the text has none there.</summary>
    public (int Line, int Column)? Find(string path) => _places.TryGetValue(path, out var place) ? place : null;

    /// <summary>The string value at <paramref name="path"/>, or null.</summary>
    public string? StringAt(string path) => _strings.GetValueOrDefault(path);

    /// <summary>
    /// <paramref name="path"/> if the text has it, else its nearest enclosing value that it has; the root when none.
    /// </summary>
    public SourceLocation Nearest(string path)
    {
        for (var candidate = path; ; candidate = Parent(candidate))
        {
            if (Find(candidate) is { } place)
            {
                return new SourceLocation(place.Line, place.Column, path);
            }
            if (candidate.Length == 0)
            {
                return new SourceLocation(1, 1, path);
            }
        }
    }

    /// <summary>
    /// A finding about a document that stands at <paramref name="documentPath"/> in this text, moved from the
    /// document's own coordinates (line 1 is the line of its opening brace) to the text's.
    /// </summary>
    public Diagnostic Shift(Diagnostic finding, string documentPath)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var start = Find(documentPath) ?? (1, 1);
        var inner = finding.Location;
        var line = start.Line + Math.Max(1, inner.Line) - 1;
        var column = inner.Line <= 1 ? start.Column + Math.Max(1, inner.Column) - 1 : inner.Column;
        return finding with { Location = new SourceLocation(line, column, Join(documentPath, inner.Path)) };
    }

    /// <summary><c>parent.name</c>, or <c>name</c> at the root; an index segment (<c>[0]</c>) is appended as is.</summary>
    public static string Join(string parent, string path)
        => parent.Length == 0 ? path : path.Length == 0 ? parent : path[0] == '[' ? parent + path : $"{parent}.{path}";

    /// <summary>The path without its last segment: <c>a.b[2]</c> → <c>a.b</c> → <c>a</c> → empty.</summary>
    public static string Parent(string path)
    {
        if (path.EndsWith(']'))
        {
            var open = path.LastIndexOf('[');
            return open < 0 ? string.Empty : path[..open];
        }
        var dot = path.LastIndexOf('.');
        return dot < 0 ? string.Empty : path[..dot];
    }

    private void Read(ReadOnlyMemory<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        var lines = new LineTracker(utf8);
        // For each open container: its path, and the next index when it is an array (-1 for an object).
        var open = new Stack<(string Path, int NextIndex)>();
        string? pendingName = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    pendingName = reader.GetString();
                    continue;
                }
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    open.Pop();
                    continue;
                }
                var path = ValuePath(open, pendingName);
                pendingName = null;
                _places.TryAdd(path, lines.At(reader.TokenStartIndex));
                if (reader.TokenType == JsonTokenType.String)
                {
                    _strings.TryAdd(path, reader.GetString()!);
                }
                else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    open.Push((path, reader.TokenType == JsonTokenType.StartArray ? 0 : -1));
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // The places read so far stay; the caller has the text's problem from the validator or the check.
        }
    }

    private static string ValuePath(Stack<(string Path, int NextIndex)> open, string? name)
    {
        if (open.Count == 0)
        {
            return string.Empty;
        }
        var (parent, next) = open.Pop();
        if (next >= 0)
        {
            open.Push((parent, next + 1));
            return $"{parent}[{next}]";
        }
        open.Push((parent, next));
        return parent.Length == 0 ? name ?? string.Empty : $"{parent}.{name}";
    }
}
