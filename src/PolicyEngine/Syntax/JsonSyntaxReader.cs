using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using PolicyEngine.Diagnostics;

namespace PolicyEngine.Syntax;

/// <summary>
/// Reads JSON text into <see cref="SyntaxNode"/>s that keep positions and duplicate keys.
/// Never throws for any input: every problem becomes a diagnostic.
/// </summary>
internal ref struct JsonSyntaxReader
{
    private Utf8JsonReader _reader;
    private LineTracker _lines;
    private readonly int _maxDepth;

    private JsonSyntaxReader(ReadOnlyMemory<byte> utf8, ReaderLimits limits)
    {
        _maxDepth = limits.MaxDepth;
        // The reader's own limit sits one above ours so that ours, with its clearer message, fires first.
        _reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        _lines = new LineTracker(utf8);
    }

    /// <summary>Reads one JSON value that must fill the whole text.</summary>
    public static SyntaxNode? Read(ReadOnlyMemory<byte> utf8, ReaderLimits limits, List<Diagnostic> diagnostics)
    {
        if (JsonEncoding.ForeignEncoding(utf8.Span) is { } encoding)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, Severity.Error, JsonTextMessages.ForeignEncoding(encoding), SourceLocation.Root,
                "save the file as UTF-8"));
            return null;
        }
        utf8 = JsonEncoding.WithoutBom(utf8);
        if (utf8.Length > limits.MaxBytes)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.DocumentTooLarge, Severity.Error,
                $"document is {utf8.Length} bytes; at most {limits.MaxBytes} are read", SourceLocation.Root));
            return null;
        }
        // Checked before any token: the reader only finds invalid UTF-8 inside a string when the string is read.
        var invalid = JsonEncoding.FirstInvalidUtf8(utf8.Span);
        if (invalid >= 0)
        {
            var (line, column) = new LineTracker(utf8).At(invalid);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, Severity.Error, JsonTextMessages.InvalidUtf8(utf8.Span[invalid]),
                new SourceLocation(line, column, string.Empty)));
            return null;
        }
        var reader = new JsonSyntaxReader(utf8, limits);
        var path = string.Empty;
        try
        {
            if (!reader._reader.Read())
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, Severity.Error,
                    "document is empty; expected a JSON object", SourceLocation.Root));
                return null;
            }
            var root = reader.ReadValue(path, depth: 0, diagnostics);
            if (root is not null && reader._reader.Read())
            {
                // Utf8JsonReader stops after one value only when more follows; say where.
                var (line, column) = reader._lines.At(reader._reader.TokenStartIndex);
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, Severity.Error,
                    "unexpected text after the end of the document", new SourceLocation(line, column, string.Empty)));
                return null;
            }
            return root;
        }
        catch (JsonException e)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, Severity.Error, JsonTextMessages.InvalidJson(e),
                new SourceLocation((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, string.Empty)));
            return null;
        }
    }

    private SyntaxNode? ReadValue(string path, int depth, List<Diagnostic> diagnostics)
    {
        var (line, column) = _lines.At(_reader.TokenStartIndex);
        var location = new SourceLocation(line, column, path);
        switch (_reader.TokenType)
        {
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                if (depth >= _maxDepth)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.NestingTooDeep, Severity.Error, JsonTextMessages.TooDeep(_maxDepth), location));
                    return null;
                }
                return _reader.TokenType == JsonTokenType.StartObject
                    ? ReadObject(location, depth, diagnostics)
                    : ReadArray(location, depth, diagnostics);
            case JsonTokenType.String:
                return ReadString(location, diagnostics, isKey: false) is { } text ? new SyntaxScalar(SyntaxKind.String, location, text) : null;
            case JsonTokenType.Number:
                return new SyntaxScalar(SyntaxKind.Number, location, Encoding.UTF8.GetString(_reader.ValueSpan));
            case JsonTokenType.True:
                return new SyntaxScalar(SyntaxKind.True, location, "true");
            case JsonTokenType.False:
                return new SyntaxScalar(SyntaxKind.False, location, "false");
            default:
                return new SyntaxScalar(SyntaxKind.Null, location, "null");
        }
    }

    private SyntaxObject? ReadObject(SourceLocation location, int depth, List<Diagnostic> diagnostics)
    {
        var properties = ImmutableArray.CreateBuilder<SyntaxProperty>();
        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            var (line, column) = _lines.At(_reader.TokenStartIndex);
            if (ReadString(new SourceLocation(line, column, location.Path), diagnostics, isKey: true) is not { } name)
            {
                return null;
            }
            var path = JsonPath.Property(location.Path, name);
            _reader.Read();
            var value = ReadValue(path, depth + 1, diagnostics);
            if (value is null)
            {
                return null;
            }
            properties.Add(new SyntaxProperty(name, new SourceLocation(line, column, path), value));
        }
        return new SyntaxObject(location, properties.DrainToImmutable());
    }

    private SyntaxArray? ReadArray(SourceLocation location, int depth, List<Diagnostic> diagnostics)
    {
        var items = ImmutableArray.CreateBuilder<SyntaxNode>();
        while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
        {
            var item = ReadValue(JsonPath.Index(location.Path, items.Count), depth + 1, diagnostics);
            if (item is null)
            {
                return null;
            }
            items.Add(item);
        }
        return new SyntaxArray(location, items.DrainToImmutable());
    }

    /// <summary>
    /// The string or key the reader stands on; null, with a diagnostic at the escape, when an escape is a lone surrogate.
    /// A key's <paramref name="location"/> holds its object's path, to which the key is added as written.
    /// </summary>
    private string? ReadString(SourceLocation location, List<Diagnostic> diagnostics, bool isKey)
    {
        if (JsonEscapes.TryGetString(ref _reader, out var text, out var lone))
        {
            return text;
        }
        var offset = _reader.TokenStartIndex + 1 + lone;
        var (line, column) = _lines.At(offset);
        diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, Severity.Error,
            JsonTextMessages.LoneSurrogate(_reader.ValueSpan.Slice(lone, JsonEscapes.UnicodeEscapeLength)),
            new SourceLocation(line, column, isKey ? JsonPath.Property(location.Path, Encoding.UTF8.GetString(_reader.ValueSpan)) : location.Path),
            "IAM refuses a document whose escapes name half a character; write the pair (`\\uD83D\\uDE00`) or the character itself"));
        return null;
    }
}
