using System.Collections.Immutable;

namespace Governance.Core.Risk;

/// <summary>
/// The whole role-chain graph of an audit: every principal, what it is (administrator, escalation paths of its own),
/// and every role it may assume. The audit's findings summarise it per principal; this is the full picture, on request.
/// </summary>
/// <param name="Nodes">Every principal of the state, in its order.</param>
/// <param name="Edges">Every <c>sts:AssumeRole</c> a principal's policies and the role's trust policy allow, by caller.</param>
public sealed record RoleGraph(ImmutableArray<RoleGraphNode> Nodes, ImmutableArray<RoleGraphEdge> Edges);
