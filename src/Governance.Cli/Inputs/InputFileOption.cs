using System.CommandLine;

namespace Governance.Cli.Inputs;

/// <summary>
/// The options that name an input file: a path, or <c>-</c> for standard input, read through <see cref="InputFile"/>.
/// A repeatable one takes one file per occurrence (<c>--account A --account B</c>), so that the arguments after it stay
/// the command's: <c>--account A s3:GetObject arn:…</c> gives <c>A</c> to the option and the rest to the command.
/// </summary>
internal static class InputFileOption
{
    /// <summary>An option naming one file; null when not given.</summary>
    public static Option<string?> Single(string name, string description, bool required = false) => new(name)
    {
        Description = $"{description}; - reads standard input",
        HelpName = "FILE",
        Required = required,
    };

    /// <summary>An option naming one file each time it is given; empty when not given.</summary>
    public static Option<string[]> Repeated(string name, string description) => new(name)
    {
        Description = $"{description}; - reads standard input",
        HelpName = "FILE",
        // One value per occurrence: a greedy option would take the command's own arguments as more files.
        AllowMultipleArgumentsPerToken = false,
    };
}
