using System.CommandLine;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>--output-file FILE</c>: where a command's output goes instead of standard output. Named apart from
/// <c>-o/--output</c> (the format), so that <c>--output json</c> never writes a file called <c>json</c>.
/// </summary>
internal static class OutputFileOption
{
    /// <summary>The option; no value means standard output.</summary>
    public static Option<FileInfo?> Create(string description = "write the output to this file instead of standard output") =>
        new("--output-file") { Description = description, HelpName = "FILE" };
}
