namespace Governance.Core.Accounts.Organization;

/// <summary>The organisation policy types that take part in authorization.</summary>
public enum OrganizationPolicyType
{
    /// <summary>A service control policy (<c>SERVICE_CONTROL_POLICY</c>): caps what the member accounts' principals can do.</summary>
    ServiceControlPolicy,

    /// <summary>A resource control policy (<c>RESOURCE_CONTROL_POLICY</c>): caps what can be done to the member accounts' resources.</summary>
    ResourceControlPolicy,
}
