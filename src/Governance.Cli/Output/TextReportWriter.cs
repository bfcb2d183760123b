using PolicyEngine.Diagnostics;

namespace Governance.Cli.Output;

/// <summary>Writes findings one a line, <c>file:line:column severity code message</c>, with help indented below.</summary>
internal static class TextReportWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<FileReport> files)
    {
        var counts = new int[Enum.GetValues<Severity>().Length];
        foreach (var file in files)
        {
            foreach (var finding in file.Report.Findings)
            {
                counts[(int)finding.Severity]++;
                writer.WriteLine($"{file.Path}:{finding.Location.Line}:{finding.Location.Column} {SeverityNames.Lower(finding.Severity)} {finding.Code} {finding.Message}");
                if (finding.Help is { } help)
                {
                    writer.WriteLine($"    help: {help}");
                }
            }
        }
        var summary = string.Join(", ", Enum.GetValues<Severity>()
            .Where(s => counts[(int)s] > 0)
            .Select(s => $"{counts[(int)s]} {SeverityNames.Lower(s)}{(counts[(int)s] == 1 ? string.Empty : "s")}"));
        writer.WriteLine($"{files.Count} {(files.Count == 1 ? "file" : "files")} validated: {(summary.Length == 0 ? "no findings" : summary)}");
    }
}
