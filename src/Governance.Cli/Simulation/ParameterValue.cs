using Governance.Cli.Inputs;
using PolicyEngine.Syntax;

namespace Governance.Cli.Simulation;

/// <summary>
/// A value given to an option as the AWS CLI takes it: the text itself, or <c>file://PATH</c> for a file's contents;
/// <c>-</c> (or <c>file://-</c>) for standard input, as everywhere in iamgov.
/// </summary>
internal static class ParameterValue
{
    private const string FilePrefix = "file://";

    /// <summary>The text of <paramref name="value"/>, reading the file it names; or what kept it from being read.</summary>
    public static (string? Text, AwsCliError? Error) Resolve(string value, Stream standardInput, string option)
    {
        var path = value.StartsWith(FilePrefix, StringComparison.Ordinal) ? value[FilePrefix.Length..] : value == "-" ? "-" : null;
        if (path is null)
        {
            return (value, null);
        }
        return ReadFile(path, standardInput, option);
    }

    /// <summary>The text of the file at <paramref name="path"/> (<c>-</c> for standard input), which must be UTF-8.</summary>
    public static (string? Text, AwsCliError? Error) ReadFile(string path, Stream standardInput, string option)
    {
        var (bytes, error) = InputFile.Read(path, standardInput);
        if (bytes is null)
        {
            return (null, AwsCliError.Input($"{option}: {error}"));
        }
        if (!JsonTextCheck.TryDecode(bytes, out var text, out var problem))
        {
            return (null, AwsCliError.Input($"{option}: {InputFile.DisplayName(path)}: {problem}"));
        }
        return (text, null);
    }

    /// <summary>Whether <paramref name="value"/> names standard input.</summary>
    public static bool IsStandardInput(string value) => value is "-" or "file://-";
}
