namespace Governance.Core.Exclusions;

/// <summary>Why an exclusions file cannot be used, and where.</summary>
/// <param name="Source">The file, as the user named it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Path">The JSON path (<c>exclusions[2].expires</c>); empty for the whole file.</param>
/// <param name="Message">What was expected, lower case, user input in backticks.</param>
public sealed record ExclusionProblem(string Source, int Line, int Column, string Path, string Message)
{
    /// <summary><c>FILE:LINE:COLUMN: PATH: message</c>, the one form the CLI and the job print.</summary>
    public override string ToString() => Path.Length == 0 ? $"{Source}:{Line}:{Column}: {Message}" : $"{Source}:{Line}:{Column}: {Path}: {Message}";
}
