using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Cli.Validation;

namespace Governance.Cli.Output;

/// <summary>
/// Writes one JSON document:
/// <c>{"files":[{"path":"...","kind":"role","documents":[{"path":"trustPolicy","kind":"trust","category":"role-trust"}],
/// "findings":[{"severity":"ERROR","code":"...","message":"...","document":"trustPolicy","path":"trustPolicy.Statement[0].Effect","line":3,"column":14}]}],
/// "skipped":[{"path":"...","reason":"..."}],"unreadable":["..."],"documents":{"scp":6,...},"validated":19}</c>.
/// </summary>
internal static class JsonReportWriter
{
    public static void Write(TextWriter writer, ValidationRun run)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(run);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("files");
            foreach (var file in run.Files)
            {
                WriteFile(json, file);
            }
            json.WriteEndArray();
            json.WriteStartArray("skipped");
            foreach (var skipped in run.Skipped)
            {
                json.WriteStartObject();
                json.WriteString("path", skipped.Path);
                json.WriteString("reason", skipped.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("unreadable");
            foreach (var message in run.Unreadable)
            {
                json.WriteStringValue(message);
            }
            json.WriteEndArray();
            json.WriteNumber("validated", run.Files.Count);
            json.WriteStartObject("documents");
            foreach (var (category, count) in DocumentCounts.Of(run))
            {
                json.WriteNumber(DocumentCounts.Key(category), count);
            }
            json.WriteEndObject();
            var references = DocumentCounts.References(run);
            json.WriteStartObject("namedByArn");
            json.WriteNumber("managedPolicies", references.ManagedPolicies);
            json.WriteNumber("permissionsBoundaries", references.Boundaries);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteFile(Utf8JsonWriter json, FileReport file)
    {
        json.WriteStartObject();
        json.WriteString("path", file.Path);
        json.WriteString("kind", file.Kind switch { FileKind.Role => "role", FileKind.PermissionSet => "permission-set", _ => "policy" });
        json.WriteStartArray("documents");
        foreach (var document in file.Documents)
        {
            json.WriteStartObject();
            json.WriteString("path", document.Path);
            json.WriteString("kind", document.Kind.ToString().ToLowerInvariant());
            json.WriteString("category", DocumentCounts.Key(document.Category));
            if (document.Container is { } container)
            {
                json.WriteString("container", ContainerNames.Of(container));
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in file.Findings)
        {
            var d = finding.Diagnostic;
            json.WriteStartObject();
            json.WriteString("severity", SeverityNames.Upper(d.Severity));
            json.WriteString("code", d.Code);
            json.WriteString("message", d.Message);
            if (finding.Document is { } document)
            {
                json.WriteString("document", document);
            }
            json.WriteString("path", d.Location.Path);
            json.WriteNumber("line", d.Location.Line);
            json.WriteNumber("column", d.Location.Column);
            if (d.Help is { } help)
            {
                json.WriteString("help", help);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
