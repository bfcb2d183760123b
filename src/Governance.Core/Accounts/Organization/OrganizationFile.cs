using System.Collections.Immutable;

namespace Governance.Core.Accounts.Organization;

/// <summary>What <c>organization.json</c> holds, once read and checked for consistency.</summary>
internal sealed record OrganizationFile(
    OrganizationInfo Organization,
    ImmutableArray<OrganizationRoot> Roots,
    ImmutableArray<OrganizationalUnit> OrganizationalUnits,
    ImmutableArray<OrganizationAccount> Accounts,
    ImmutableArray<OrganizationPolicy> Policies,
    bool ServiceControlPoliciesEnabled,
    bool ResourceControlPoliciesEnabled);
