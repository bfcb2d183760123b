using PolicyEngine.Conformance;

namespace Governance.Cli.Simulation;

/// <summary>Reads a conformance <c>.jsonl</c> file line by line, keeping each line's number for messages.</summary>
internal static class CaseFile
{
    /// <summary>Every non-blank line of <paramref name="path"/>, parsed, with its 1-based line number.</summary>
    public static IEnumerable<(int Line, ConformanceCaseParse Parsed)> Read(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, ConformanceCaseReader.Parse(line));
            }
        }
    }
}
