namespace Governance.Core.Infrastructure.Aws;

/// <summary>Where approved grants are applied (<c>Governance:Provisioning:Mode</c>).</summary>
public enum ProvisioningMode
{
    /// <summary>Into the service's own account copy (<c>data/account.json</c>); nothing reaches AWS.</summary>
    Snapshot,

    /// <summary>Into IAM, as inline role policies <c>grant-&lt;id&gt;</c>.</summary>
    Aws,
}
