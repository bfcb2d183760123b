using PolicyEngine.Catalog;
using PolicyEngine.Evaluation;

namespace Governance.Core.Reports;

/// <summary>The words the CLI and the console use for a policy layer and an access level: one wording everywhere.</summary>
public static class PolicyWords
{
    /// <summary>The layer a statement belongs to: "identity policy", "SCP", "resource policy", ...</summary>
    public static string Layer(PolicyType type) => type switch
    {
        PolicyType.Identity => "identity policy",
        PolicyType.PermissionsBoundary => "permissions boundary",
        PolicyType.Session => "session policy",
        PolicyType.ServiceControl => "SCP",
        PolicyType.ResourceControl => "RCP",
        PolicyType.AccessPoint => "access point policy",
        PolicyType.VpcEndpoint => "VPC endpoint policy",
        PolicyType.AccessControlList => "S3 ACL",
        _ => "resource policy",
    };

    /// <summary>An access level as AWS's service authorization reference writes it: "Permissions management", "Write", ...</summary>
    public static string AccessLevel(AccessLevel level) => level switch
    {
        PolicyEngine.Catalog.AccessLevel.PermissionsManagement => "Permissions management",
        _ => level.ToString(),
    };
}
