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
        // Checked first, so that a refusal names line, column and path, and names an escape no string can hold.
        if (!JsonTextCheck.TryParse(json, JsonTextRules.Default, out var document, out var problem))
        {
            return GovernanceError.Invalid(source, problem.ToString());
        }
        try
        {
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return GovernanceError.Invalid(source, "not a drift report: a report is a JSON object");
                }
                // Reports written before the baseline existed lack it: they cannot say what is new, so they are refused by name.
                var missing = TopLevelFields.Where(f => !document.RootElement.TryGetProperty(f, out _)).ToList();
                if (missing.Count > 0)
                {
                    return GovernanceError.Invalid(source, $"not a drift report this version can read: missing {string.Join(", ", missing.Select(static f => $"`{f}`"))}");
                }
            }
            return JsonSerializer.Deserialize<DriftReport>(json, Options)!;
        }
        catch (JsonException e)
        {
            var line = e.LineNumber + 1;
            return GovernanceError.Invalid(source, e.Path is { Length: > 0 } path
                ? $"invalid drift report at `{path}` (line {line})"
                : $"invalid JSON at line {line}");
        }
    }

    private static readonly string[] TopLevelFields = ["findings", "id", "ranAt", "previous", "accessDelta", "baseline"];
}
