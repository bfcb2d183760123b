using System.Collections.Immutable;
using PolicyEngine.Diagnostics;

namespace PolicyEngine.Model;

/// <summary>One statement of a policy document.</summary>
/// <param name="Index">Its position in the Statement list, from 0.</param>
/// <param name="Sid">Its Sid, when it has one.</param>
/// <param name="Effect">Allow or Deny.</param>
/// <param name="Principal">Principal or NotPrincipal, when present (resource, trust and RCP documents).</param>
/// <param name="Action">Action or NotAction.</param>
/// <param name="Resource">Resource or NotResource, when present (trust policies have none).</param>
/// <param name="Conditions">The Condition block's clauses, in document order; empty when there is none.</param>
/// <param name="Location">Where the statement's object starts.</param>
/// <param name="SidLocation">Where the Sid's value stands, when there is one.</param>
public sealed record Statement(
    int Index,
    string? Sid,
    Effect Effect,
    PrincipalSpec? Principal,
    ActionSpec Action,
    ResourceSpec? Resource,
    ImmutableArray<ConditionClause> Conditions,
    SourceLocation Location,
    SourceLocation? SidLocation = null)
{
    /// <summary>How messages name the statement: its Sid, else its index.</summary>
    public string DisplayName => Sid is { Length: > 0 } ? Sid : $"Statement[{Index}]";
}
