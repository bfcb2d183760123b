using Governance.Cli.Inputs;
using PolicyEngine.Conformance;
using PolicyEngine.Syntax;

namespace Governance.Cli.Simulation;

/// <summary>Reads a conformance <c>.jsonl</c> file line by line, keeping each line's number for messages.</summary>
internal static class CaseFile
{
    /// <summary>
    /// Every non-blank line of <paramref name="path"/> (<c>-</c>: <paramref name="standardInput"/>), parsed, with its
    /// 1-based line number; or why the file could not be read at all (missing, a folder, not UTF-8).
    /// </summary>
    public static (IReadOnlyList<(int Line, ConformanceCaseParse Parsed)> Cases, InputError? Error) Read(string path, Stream standardInput)
    {
        var (bytes, error) = InputFile.Read(path, standardInput);
        if (bytes is null)
        {
            return ([], error);
        }
        if (!JsonTextCheck.TryDecode(bytes, out var text, out var problem))
        {
            return ([], new InputError($"{InputFile.DisplayName(path)}:{problem.Line}:{problem.Column}: {problem.Message}"));
        }
        var cases = new List<(int, ConformanceCaseParse)>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                cases.Add((number, ConformanceCaseReader.Parse(line.TrimEnd('\r'))));
            }
        }
        return (cases, null);
    }
}
