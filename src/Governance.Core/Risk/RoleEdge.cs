using System.Collections.Immutable;
using PolicyEngine.Evaluation;

namespace Governance.Core.Risk;

/// <summary>A principal may assume <paramref name="Role"/>: its trust policy and the caller's policies both allow it.</summary>
/// <param name="Role">The role.</param>
/// <param name="Group">The caller's edges into the roles of the role's trust policy text, which decide this one.</param>
/// <param name="ConditionKeys">Condition keys the edge depends on; empty when it holds for every request.</param>
/// <remarks>
/// The statements that grant it are worked out only for the edges a reported chain uses (<see cref="GrantedBy"/>):
/// an account's role graph has edges in the square of its roles, the report a handful per principal.
/// </remarks>
internal sealed record RoleEdge(Subject Role, EdgeGroup Group, ImmutableArray<string> ConditionKeys)
{
    /// <summary>The action an edge is.</summary>
    public const string AssumeRole = "sts:AssumeRole";

    /// <summary>The statements that allow the caller to assume the role, identity and trust.</summary>
    public ImmutableArray<StatementRef> GrantedBy => Group.Decider.Check(AssumeRole, Role.Arn).GrantedBy;
}
