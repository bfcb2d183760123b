using System.Text.Encodings.Web;
using System.Text.Json;

namespace Governance.Cli.Output;

/// <summary>
/// Writes one JSON document:
/// <c>{"files":[{"path":"...","findings":[{"severity":"ERROR","code":"...","message":"...","path":"Statement[0].Effect","line":3,"column":14}]}]}</c>.
/// </summary>
internal static class JsonReportWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<FileReport> files)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteStartArray("findings");
                foreach (var finding in file.Report.Findings)
                {
                    json.WriteStartObject();
                    json.WriteString("severity", SeverityNames.Upper(finding.Severity));
                    json.WriteString("code", finding.Code);
                    json.WriteString("message", finding.Message);
                    json.WriteString("path", finding.Location.Path);
                    json.WriteNumber("line", finding.Location.Line);
                    json.WriteNumber("column", finding.Location.Column);
                    if (finding.Help is { } help)
                    {
                        json.WriteString("help", help);
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
