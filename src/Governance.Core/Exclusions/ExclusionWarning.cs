namespace Governance.Core.Exclusions;

/// <summary>An exclusion that is expired or matches nothing, with its place in the file.</summary>
/// <param name="Source">The file, as the user named it.</param>
/// <param name="Line">The entry's 1-based line.</param>
/// <param name="Column">The entry's 1-based column.</param>
/// <param name="Kind">Expired or stale.</param>
/// <param name="Message">What is wrong and what to do, lower case.</param>
public sealed record ExclusionWarning(string Source, int Line, int Column, ExclusionWarningKind Kind, string Message)
{
    /// <summary><c>FILE:LINE:COLUMN: message</c>.</summary>
    public override string ToString() => $"{Source}:{Line}:{Column}: {Message}";
}
