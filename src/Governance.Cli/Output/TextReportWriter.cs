using Governance.Cli.Validation;
using PolicyEngine.Diagnostics;

namespace Governance.Cli.Output;

/// <summary>
/// Writes findings one a line, <c>file:line:column severity code message</c> (with the document inside the file when
/// the file holds several), help indented below, then what was validated by kind and the summary.
/// </summary>
internal static class TextReportWriter
{
    public static void Write(TextWriter writer, ValidationRun run)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(run);
        var counts = new int[Enum.GetValues<Severity>().Length];
        foreach (var file in run.Files)
        {
            foreach (var finding in file.Findings)
            {
                var d = finding.Diagnostic;
                counts[(int)d.Severity]++;
                var where = file.DocumentOf(finding) is { Label.Length: > 0 } document ? $" (in the {document.Label})" : string.Empty;
                writer.WriteLine($"{file.Path}:{d.Location.Line}:{d.Location.Column} {SeverityNames.Lower(d.Severity)} {d.Code} {d.Message}{where}");
                if (d.Help is { } help)
                {
                    writer.WriteLine($"    help: {help}");
                }
            }
        }
        if (run.Files.Count > 0)
        {
            writer.WriteLine($"documents: {Documents(run)}");
        }
        var summary = string.Join(", ", Enum.GetValues<Severity>()
            .Where(s => counts[(int)s] > 0)
            .Select(s => $"{counts[(int)s]} {SeverityNames.Lower(s)}{(counts[(int)s] == 1 ? string.Empty : "s")}"));
        var outcome = run.Files.Count == 0 ? "nothing to validate" : summary.Length == 0 ? "no findings" : summary;
        writer.WriteLine($"{run.Files.Count} {(run.Files.Count == 1 ? "file" : "files")} validated: {outcome}");
    }

    /// <summary><c>6 service control policies, 5 role trust policies; named by ARN only: 4 managed policies, 2 permissions boundaries</c>.</summary>
    private static string Documents(ValidationRun run)
    {
        var text = string.Join(", ", DocumentCounts.Of(run).Select(static c => DocumentCounts.Words(c.Category, c.Count)));
        if (text.Length == 0)
        {
            text = "none readable";
        }
        var references = DocumentCounts.References(run);
        if (references != ArnReferences.None)
        {
            // Their documents live in the account: the drift audit reads them there, so they are not validated here.
            text += $"; named by ARN only (their documents are in the account): {references.ManagedPolicies} managed "
                + $"{(references.ManagedPolicies == 1 ? "policy" : "policies")}, {references.Boundaries} permissions "
                + (references.Boundaries == 1 ? "boundary" : "boundaries");
        }
        return text;
    }
}
