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
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

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
        if (utf8.Span.StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..];
        }
        if (utf8.Length > limits.MaxBytes)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.DocumentTooLarge, Severity.Error,
                $"document is {utf8.Length} bytes; at most {limits.MaxBytes} are read", SourceLocation.Root));
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
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, Severity.Error,
                "invalid JSON: " + Describe(e),
                new SourceLocation((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, string.Empty)));
            return null;
        }
        catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException || e.Message.Contains("UTF-8", StringComparison.Ordinal))
        {
            // GetString transcodes lazily, so invalid UTF-8 inside a string surfaces here rather than in Read.
            var (line, column) = reader._lines.At(reader._reader.TokenStartIndex);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidJson, Severity.Error,
                "invalid JSON: a string holds bytes that are not UTF-8", new SourceLocation(line, column, string.Empty)));
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
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.NestingTooDeep, Severity.Error,
                        $"objects and arrays nest deeper than {_maxDepth} levels", location));
                    return null;
                }
                return _reader.TokenType == JsonTokenType.StartObject
                    ? ReadObject(location, depth, diagnostics)
                    : ReadArray(location, depth, diagnostics);
            case JsonTokenType.String:
                return new SyntaxScalar(SyntaxKind.String, location, _reader.GetString()!);
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
            var name = _reader.GetString()!;
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

    /// <summary>The reader's message without its trailing position, which the diagnostic carries already.</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        if (message.StartsWith("Expected depth to be zero", StringComparison.Ordinal))
        {
            // The reader's wording for a truncated document ("...at the end of the JSON payload. There is an open
            // JSON object or array that should be closed") says what is wrong in two sentences; one is enough.
            return "the document ends before every object and array is closed";
        }
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }
        message = message.TrimEnd('.', ' ');
        return message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : "unreadable text";
    }
}
