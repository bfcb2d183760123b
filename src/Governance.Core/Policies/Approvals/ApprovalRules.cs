using System.Collections.Immutable;
using PolicyEngine.Catalog;

namespace Governance.Core.Policies.Approvals;

/// <summary>How requests are approved, from <c>policies/approval-rules.json</c>.</summary>
/// <param name="AutoApprovePermissionSets">Sets whose requests may be approved without a person.</param>
/// <param name="AutoApproveAccessLevels">The only access levels an automatically approved preview may add.</param>
/// <param name="AccessLevelApprovals">Distinct approvals needed when the preview adds an action of the access level.</param>
/// <param name="FindingRules">Rules on risk findings.</param>
/// <param name="Outsiders">When a principal outside the organisation (another account, anyone, a federated identity) can act as the target role; null: the set's own count.</param>
/// <param name="Services">When an AWS service can act as the target role; null: the set's own count.</param>
/// <param name="Anyone">When anyone can act as the target role (<c>Principal: *</c>), in addition to <paramref name="Outsiders"/>; null: as outsiders.</param>
public sealed record ApprovalRules(
    ImmutableHashSet<string> AutoApprovePermissionSets,
    ImmutableHashSet<AccessLevel> AutoApproveAccessLevels,
    ImmutableDictionary<AccessLevel, int> AccessLevelApprovals,
    ImmutableArray<FindingRule> FindingRules,
    GainerRule? Outsiders = null,
    GainerRule? Services = null,
    GainerRule? Anyone = null)
{
    /// <summary>Rules that approve nothing automatically and add nothing to the sets' own approval counts.</summary>
    public static ApprovalRules Strict { get; } = new([], [], ImmutableDictionary<AccessLevel, int>.Empty, []);
}
