namespace Governance.Core.Accounts.Organization;

/// <summary>Whether SCPs (or RCPs) apply to an account, and if not, why not.</summary>
public enum ControlPolicyExemption
{
    /// <summary>They apply, level by level from the root down to the account.</summary>
    None,

    /// <summary>
    /// The account is the organisation's management account: SCPs do not affect its users and roles, RCPs do not
    /// affect its resources (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html,
    /// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html).
    /// </summary>
    ManagementAccount,

    /// <summary>The account is not a member of the organisation (a vendor's account, for example).</summary>
    OutsideOrganization,

    /// <summary>The policy type is not enabled in the organisation's root, or the snapshot is a single account's.</summary>
    NotEnabled,
}
