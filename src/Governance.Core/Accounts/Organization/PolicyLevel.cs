using System.Collections.Immutable;

namespace Governance.Core.Accounts.Organization;

/// <summary>One level of SCP or RCP evaluation: a root, OU or account and the policies of one type attached to it.</summary>
/// <remarks>
/// For SCPs a request is allowed only if some policy allows it at every level from the root down to the account, so a
/// level with no policies allows nothing; any Deny at any level denies
/// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html).
/// </remarks>
/// <param name="Node">The root, OU or account.</param>
/// <param name="Policies">The policies attached there, in the snapshot's order.</param>
public sealed record PolicyLevel(OrganizationNode Node, ImmutableArray<OrganizationPolicy> Policies);
