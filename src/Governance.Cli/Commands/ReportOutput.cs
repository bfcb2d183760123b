using System.CommandLine;
using Governance.Core.Reports;

namespace Governance.Cli.Commands;

/// <summary>The <c>-o/--output text|json|markdown|html</c> option of the commands that write a report, and the report as printed.</summary>
internal static class ReportOutput
{
    /// <summary>The option, <c>text</c> by default, naming every <see cref="ReportFormat"/>.</summary>
    public static Option<string> CreateFormatOption() =>
        OutputOption.Create("text, json, markdown or html (one self-contained page)", [.. Enum.GetValues<ReportFormat>().Select(ReportFormats.Name)]);

    /// <summary>The format an accepted option value names.</summary>
    public static ReportFormat Format(string name) =>
        ReportFormats.TryParse(name, out var format) ? format : throw new ArgumentOutOfRangeException(nameof(name), name, "not a report format");
}
