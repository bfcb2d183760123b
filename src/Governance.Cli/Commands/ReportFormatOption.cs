using System.CommandLine;
using Governance.Core.Reports;

namespace Governance.Cli.Commands;

/// <summary>The <c>--format text|json|markdown|html</c> option of the commands that write a report.</summary>
internal static class ReportFormatOption
{
    /// <summary>The option, <c>text</c> by default; its value is read in any case (<c>--format JSON</c>).</summary>
    public static Option<ReportFormat> Create() => new("--format")
    {
        Description = "text, json, markdown or html",
        DefaultValueFactory = static _ => ReportFormat.Text,
        CustomParser = static result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (ReportFormats.TryParse(token.ToLowerInvariant(), out var format))
            {
                return format;
            }
            result.AddError($"unknown format `{token}`; use {ReportFormats.OneOf(Enum.GetValues<ReportFormat>())}");
            return default;
        },
    };

    /// <summary>A rendered report as it is printed or written to a file: ending with a newline.</summary>
    public static string AsFile(string document) => document.EndsWith('\n') ? document : document + "\n";
}
