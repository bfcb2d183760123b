using System.Collections.Immutable;

namespace Governance.Core.Risk;

/// <summary>One risk a principal's policies open, with the actions and statements that open it.</summary>
/// <param name="Category">The kind of risk.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Title">One line for people, such as <c>iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction</c>.</param>
/// <param name="PathId">For escalation, the catalogue path's id (<see cref="EscalationCatalog"/>) or <c>sts-assume-role</c>; else null.</param>
/// <param name="Actions">The actions that make it possible.</param>
/// <param name="Path">The principal's ARN, then each role assumed along the way, then the resource it acts on, if any.</param>
/// <param name="Evidence">The statements that grant the actions.</param>
/// <param name="ConditionKeys">Condition keys the grant depends on; empty when it holds for every request.</param>
public sealed record Finding(
    FindingCategory Category,
    RiskSeverity Severity,
    string Title,
    string? PathId,
    ImmutableArray<string> Actions,
    ImmutableArray<string> Path,
    ImmutableArray<FindingEvidence> Evidence,
    ImmutableArray<string> ConditionKeys)
{
    /// <summary>
    /// For a role chain, how many other chains from the same principal reach the same kind of power (this one is the
    /// most severe and, of those, the shortest); 0 otherwise.
    /// </summary>
    public int OtherChains { get; init; }
}
