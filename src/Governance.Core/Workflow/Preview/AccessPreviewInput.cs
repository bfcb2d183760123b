using Governance.Core.Accounts;
using Governance.Core.Policies.PermissionSets;

namespace Governance.Core.Workflow.Preview;

/// <summary>What a preview is computed from.</summary>
/// <param name="PermissionSet">The set requested.</param>
/// <param name="TargetRole">The role that would receive the access, as the account state has it now.</param>
/// <param name="PolicyDocument">The policy the grant would attach, rendered for the requested resources.</param>
public sealed record AccessPreviewInput(PermissionSet PermissionSet, ResolvedPrincipal TargetRole, string PolicyDocument);
