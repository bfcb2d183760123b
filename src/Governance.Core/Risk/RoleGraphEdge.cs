using System.Collections.Immutable;

namespace Governance.Core.Risk;

/// <summary>One edge of the <see cref="RoleGraph"/>: <paramref name="From"/> may assume the role <paramref name="To"/>.</summary>
/// <param name="From">The caller's ARN.</param>
/// <param name="To">The role's ARN.</param>
/// <param name="ConditionKeys">Condition keys the edge depends on; empty when it holds for every request.</param>
public sealed record RoleGraphEdge(string From, string To, ImmutableArray<string> ConditionKeys);
