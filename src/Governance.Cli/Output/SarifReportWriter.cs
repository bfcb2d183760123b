using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyEngine.Diagnostics;

namespace Governance.Cli.Output;

/// <summary>
/// Writes SARIF 2.1.0 as GitHub code scanning reads it: one run, a rule for each code found, and a result for each
/// finding with its level, message and physical location (a relative URI when the path given was relative).
/// </summary>
internal static class SarifReportWriter
{
    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    // Rule names are the DiagnosticCodes constant names, so "IAM1007" reads as "InvalidEffect".
    private static readonly Dictionary<string, string> RuleNames = typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
        .ToDictionary(static f => (string)f.GetRawConstantValue()!, static f => f.Name, StringComparer.Ordinal);

    public static void Write(TextWriter writer, IReadOnlyList<FileReport> files)
    {
        var rules = files.SelectMany(static f => f.Report.Findings)
            .GroupBy(static d => d.Code, StringComparer.Ordinal)
            .Select(static g => (Code: g.Key, Severity: g.Min(static d => d.Severity)))
            .OrderBy(static r => r.Code, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = rules.Select(static (r, i) => (r.Code, i)).ToDictionary(static p => p.Code, static p => p.i, StringComparer.Ordinal);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            json.WriteString("columnKind", "unicodeCodePoints");
            json.WriteStartArray("results");
            foreach (var file in files)
            {
                foreach (var finding in file.Report.Findings)
                {
                    WriteResult(json, file.Path, finding, ruleIndex[finding.Code]);
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTool(Utf8JsonWriter json, List<(string Code, Severity Severity)> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "iamgov");
        json.WriteString("semanticVersion", typeof(SarifReportWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        json.WriteStartArray("rules");
        foreach (var (code, severity) in rules)
        {
            var name = RuleNames.GetValueOrDefault(code, code);
            json.WriteStartObject();
            json.WriteString("id", code);
            json.WriteString("name", name);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", Words(name));
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", SeverityNames.Sarif(severity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue("iam");
            if (severity == Severity.SecurityWarning)
            {
                json.WriteStringValue("security");
            }
            json.WriteEndArray();
            if (severity == Severity.SecurityWarning)
            {
                // GitHub ranks security alerts by this score; 7.0 and above shows as "high".
                json.WriteString("security-severity", "7.0");
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, string path, Diagnostic finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", SeverityNames.Sarif(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Help is null ? finding.Message : $"{finding.Message}\n{finding.Help}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(path));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, finding.Location.Line));
        json.WriteNumber("startColumn", Math.Max(1, finding.Location.Column));
        json.WriteEndObject();
        json.WriteEndObject();
        if (finding.Location.Path.Length > 0)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", finding.Location.Path);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A relative path stays a relative URI reference (what code scanning needs); an absolute one becomes a file URI.</summary>
    internal static string ToUri(string path)
        => Path.IsPathRooted(path)
            ? new Uri(path).AbsoluteUri
            : string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>"InvalidEffect" → "invalid effect".</summary>
    private static string Words(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                text.Append(' ');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
