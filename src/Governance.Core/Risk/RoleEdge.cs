using PolicyEngine.Analysis;

namespace Governance.Core.Risk;

/// <summary>A principal may assume <paramref name="Role"/>: its trust policy and the caller's policies both allow it.</summary>
/// <param name="Role">The role.</param>
/// <param name="Check">The engine's decision of <c>sts:AssumeRole</c> on the role, with the trust policy as resource policy.</param>
internal sealed record RoleEdge(Subject Role, AccessCheck Check);
