namespace PolicyEngine.Diagnostics;

/// <summary>One finding about a policy document, pointing at the element it concerns.</summary>
/// <param name="Code">A stable code from <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Message">Lower case, no final period, user input in backticks.</param>
/// <param name="Location">The element the finding is about.</param>
/// <param name="Help">A hint such as "did you mean `StringEquals`?", when one is near.</param>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceLocation Location, string? Help = null)
{
    /// <summary>Orders diagnostics by line, then column, then code, as tools print them.</summary>
    public static IComparer<Diagnostic> ByPosition { get; } = Comparer<Diagnostic>.Create(static (a, b) =>
    {
        var c = a.Location.Line.CompareTo(b.Location.Line);
        if (c == 0)
        {
            c = a.Location.Column.CompareTo(b.Location.Column);
        }
        return c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
    });
}
