using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Core.Formats;
using Governance.Core.Results;
using PolicyEngine.Syntax;

namespace Governance.Core.Drift.Records;

/// <summary>The one JSON form of a drift report: stored, served, written by <c>iamgov drift --format json</c> and read back as <c>--previous</c>.</summary>
public static class DriftReportJson
{
    /// <summary>Web casing, enums by name, indented; every constructor field required and nulls only where declared.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Times in the one form (UtcTimestamp); reports stored before it, in the default form, still read.
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false), UtcTimestampJsonConverter.Instance },
        // Backticks and quotes in details stay readable; the JSON is data, never embedded in HTML unescaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The same without indentation, for storage: a large account's baseline is megabytes, and a sixth of it spaces.</summary>
    private static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    /// <summary>The report as JSON text, indented for people unless <paramref name="compact"/>.</summary>
    public static string Write(DriftReport report, bool compact = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, compact ? Compact : Options);
    }

    /// <summary>Writes the report as <see cref="Write(DriftReport, bool)"/> gives it to <paramref name="output"/>, flushed as it goes; the stream stays open.</summary>
    public static void Write(DriftReport report, Stream output, bool compact = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        JsonSerializer.Serialize(output, report, compact ? Compact : Options);
    }

    /// <summary>Reads a report; an error naming <paramref name="source"/> and the place when the text is not one.</summary>
    public static Outcome<DriftReport> Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(System.Text.Encoding.UTF8.GetBytes(json), source);
    }

    /// <summary>
    /// Reads a report from its UTF-8 bytes, as <see cref="Read(string, string)"/> does, without making it a string or a
    /// document first: an organisation's report, with its baseline, is a hundred megabytes.
    /// </summary>
    public static Outcome<DriftReport> Read(ReadOnlyMemory<byte> utf8, string source)
    {
        // Checked first, so that a refusal names line, column and path, and names an escape no string can hold.
        if (JsonTextCheck.Check(utf8, JsonTextRules.Default) is { } problem)
        {
            return GovernanceError.Invalid(source, problem.ToString());
        }
        // A UTF-8 byte order mark, which the check accepts, is not JSON.
        var json = utf8.Span.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        try
        {
            if (TopLevelNames(json.Span) is not { } names)
            {
                return GovernanceError.Invalid(source, "not a drift report: a report is a JSON object");
            }
            // Reports written before the baseline existed lack it: they cannot say what is new, so they are refused by name.
            var missing = TopLevelFields.Where(f => !names.Contains(f)).ToList();
            if (missing.Count > 0)
            {
                return GovernanceError.Invalid(source, $"not a drift report this version can read: missing {string.Join(", ", missing.Select(static f => $"`{f}`"))}");
            }
            return JsonSerializer.Deserialize<DriftReport>(json.Span, Options)!;
        }
        catch (JsonException e)
        {
            var line = e.LineNumber + 1;
            return GovernanceError.Invalid(source, e.Path is { Length: > 0 } path
                ? $"invalid drift report at `{path}` (line {line})"
                : $"invalid JSON at line {line}");
        }
    }

    /// <summary>The property names of the top-level object, read without building a document; null when the top level is not an object.</summary>
    private static HashSet<string>? TopLevelNames(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = JsonTextRules.Default.MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            names.Add(reader.GetString()!);
            reader.Read();
            reader.Skip();
        }
        return names;
    }

    private static readonly string[] TopLevelFields = ["findings", "id", "ranAt", "previous", "accessDelta", "baseline"];
}
