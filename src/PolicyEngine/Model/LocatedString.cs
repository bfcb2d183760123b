using PolicyEngine.Diagnostics;

namespace PolicyEngine.Model;

/// <summary>A string from a policy, with the place it was written.</summary>
/// <param name="Value">The text; numbers and booleans in condition values are kept as written (AWS compares them as strings).</param>
/// <param name="Location">Where it stands in the document.</param>
public readonly record struct LocatedString(string Value, SourceLocation Location)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
