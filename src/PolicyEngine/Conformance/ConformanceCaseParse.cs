namespace PolicyEngine.Conformance;

/// <summary>The outcome of reading one line of a conformance file: a case, or why the line is not one.</summary>
/// <param name="Case">The case, when the line is one.</param>
/// <param name="Error">Why it is not: lower case, no final period.</param>
/// <param name="Id">The line's id, when it could be read even though the rest could not.</param>
public sealed record ConformanceCaseParse(ConformanceCase? Case, string? Error, string? Id = null)
{
    /// <summary>True when a case was read.</summary>
    public bool Success => Case is not null;
}
