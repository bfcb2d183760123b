using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Cli.Validation;
using PolicyEngine.Diagnostics;

namespace Governance.Cli.Output;

/// <summary>
/// Writes SARIF 2.1.0 as GitHub code scanning reads it: one run whose driver lists every rule the validator has (with
/// descriptions, help and the AWS page of the check), a result per finding located relative to the repository root
/// (<c>%SRCROOT%</c>) with a fingerprint that survives edits above it, and skipped or unreadable files as notifications.
/// </summary>
internal static class SarifReportWriter
{
    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string SourceRootId = "%SRCROOT%";

    /// <summary>Where the tool's information lives when the build does not name its repository (<c>RepositoryUrl</c>).</summary>
    private const string DefaultInformationUri = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-validation.html";

    public static void Write(TextWriter writer, ValidationRun run, string sourceRoot)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(run);
        var ruleIndex = RuleCatalog.Codes.Select(static (code, i) => (code, i)).ToDictionary(static p => p.code, static p => p.i, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json);
            WriteInvocation(json, run, sourceRoot);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRootId);
            json.WriteString("uri", SourceRoot.RootUri(sourceRoot));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("columnKind", "unicodeCodePoints");
            json.WriteStartArray("results");
            foreach (var file in run.Files)
            {
                var location = Location(file.Path, file.FullPath, sourceRoot);
                foreach (var finding in file.Findings)
                {
                    // Unknown codes cannot occur (RuleCatalog lists both code classes); a missing index would be a bug.
                    WriteResult(json, file, finding, location, ruleIndex.GetValueOrDefault(finding.Diagnostic.Code, -1));
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTool(Utf8JsonWriter json)
    {
        var assembly = typeof(SarifReportWriter).Assembly;
        var version = ToolVersion.Text;
        var repository = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(static a => a.Key == "RepositoryUrl")?.Value;
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "iamgov");
        json.WriteString("fullName", "iamgov validate: IAM policy validation");
        json.WriteString("informationUri", Uri.TryCreate(repository, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : DefaultInformationUri);
        json.WriteString("version", version);
        json.WriteString("semanticVersion", version);
        json.WriteStartArray("rules");
        foreach (var code in RuleCatalog.Codes)
        {
            WriteRule(json, code);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, string code)
    {
        var help = RuleCatalog.Help.GetValueOrDefault(code) ?? RuleCatalog.Fallback;
        var level = DefaultLevel(code);
        json.WriteStartObject();
        json.WriteString("id", code);
        json.WriteString("name", RuleCatalog.Names[code]);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", help.Short);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", help.Full);
        json.WriteEndObject();
        json.WriteString("helpUri", help.HelpUri.AbsoluteUri);
        json.WriteStartObject("help");
        json.WriteString("text", $"{help.Full} How to fix: {help.Fix} See {help.HelpUri.AbsoluteUri}");
        json.WriteString("markdown", $"{Markdown(help.Full)}\n\n**How to fix:** {Markdown(help.Fix)}\n\n[AWS documentation]({help.HelpUri.AbsoluteUri})");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", SeverityNames.Sarif(level));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("iam");
        json.WriteStringValue(level switch
        {
            Severity.SecurityWarning => "security",
            Severity.Suggestion => "maintainability",
            _ => "correctness",
        });
        json.WriteEndArray();
        if (SecuritySeverity(code) is { } score)
        {
            // GitHub ranks security alerts by this score: 9.0 and above critical, 7.0 high, 4.0 medium.
            json.WriteString("security-severity", score);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, ValidationRun run, string sourceRoot)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        // Successful when every file named could be read and something was validated; findings do not make it fail.
        json.WriteBoolean("executionSuccessful", run.Unreadable.Count == 0 && run.Files.Count > 0);
        json.WriteStartObject("workingDirectory");
        json.WriteString("uri", SourceRoot.RootUri(sourceRoot));
        json.WriteEndObject();
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var skipped in run.Skipped)
        {
            WriteNotification(json, "note", $"Skipped {skipped.Path}: {skipped.Reason}.", Location(skipped.Path, Path.GetFullPath(skipped.Path), sourceRoot));
        }
        foreach (var unreadable in run.Unreadable)
        {
            WriteNotification(json, "error", $"{unreadable}.", null);
        }
        if (run.Files.Count == 0)
        {
            WriteNotification(json, "error", "Nothing validated: no policy, role definition or permission set was found.", null);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteNotification(Utf8JsonWriter json, string level, string message, (string Uri, bool Relative)? location)
    {
        json.WriteStartObject();
        json.WriteString("level", level);
        json.WriteStartObject("message");
        json.WriteString("text", message);
        json.WriteEndObject();
        if (location is { } at)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            WriteArtifact(json, at);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, FileReport file, FileFinding finding, (string Uri, bool Relative) location, int ruleIndex)
    {
        var d = finding.Diagnostic;
        var document = file.DocumentOf(finding);
        json.WriteStartObject();
        json.WriteString("ruleId", d.Code);
        if (ruleIndex >= 0)
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }
        json.WriteString("level", SeverityNames.Sarif(d.Severity));
        json.WriteStartObject("message");
        var where = document is { Label.Length: > 0 } ? $" (in the {document.Label})" : string.Empty;
        json.WriteString("text", Sentence(d.Message + where) + (d.Help is { } help ? " " + Sentence(help) : string.Empty));
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifact(json, location);
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, d.Location.Line));
        json.WriteNumber("startColumn", Math.Max(1, d.Location.Column));
        json.WriteEndObject();
        json.WriteEndObject();
        if (d.Location.Path.Length > 0)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", d.Location.Path);
            json.WriteString("kind", "element");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FindingFingerprint.Key, FindingFingerprint.Of(location.Uri, finding));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteArtifact(Utf8JsonWriter json, (string Uri, bool Relative) location)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", location.Uri);
        if (location.Relative)
        {
            json.WriteString("uriBaseId", SourceRootId);
        }
        json.WriteEndObject();
    }

    /// <summary>The file relative to the source root when it is below it; else an absolute file URI (standard input: <c>stdin</c>).</summary>
    private static (string Uri, bool Relative) Location(string shown, string fullPath, string sourceRoot)
    {
        if (fullPath.Length == 0)
        {
            return ("stdin", false);
        }
        return SourceRoot.RelativeUri(sourceRoot, fullPath) is { } relative ? (relative, true) : (new Uri(fullPath).AbsoluteUri, false);
    }

    /// <summary>Messages follow the project's style (lower case, no final period); SARIF viewers expect sentences.</summary>
    private static string Sentence(string text)
        => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') || text.EndsWith('?') ? string.Empty : ".");

    private static string Markdown(string text) => text.Replace("*", "\\*", StringComparison.Ordinal);

    /// <summary>The level a code is reported at (a few codes vary by context; the result carries the actual one).</summary>
    private static Severity DefaultLevel(string code) => code switch
    {
        DiagnosticCodes.DuplicateKey or DiagnosticCodes.EmptyList or DiagnosticCodes.EmptyValue => Severity.Warning,
        DiagnosticCodes.AllowWithNotAction or DiagnosticCodes.AllowWithNotResource or DiagnosticCodes.AllowWithNotPrincipal
            or DiagnosticCodes.PassRoleOnAnyResource => Severity.SecurityWarning,
        DiagnosticCodes.RedundantAction or DiagnosticCodes.RedundantStatement => Severity.Suggestion,
        _ when code.StartsWith("IAM3", StringComparison.Ordinal) || code.StartsWith("IAM4", StringComparison.Ordinal) => Severity.Warning,
        _ => Severity.Error,
    };

    /// <summary>GitHub's score for the security rules: what each lets through.</summary>
    private static string? SecuritySeverity(string code) => code switch
    {
        DiagnosticCodes.PassRoleOnAnyResource or DiagnosticCodes.AllowWithNotPrincipal => "8.0",
        DiagnosticCodes.AllowWithNotAction or DiagnosticCodes.AllowWithNotResource => "7.0",
        _ => null,
    };
}
