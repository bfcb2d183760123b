using Governance.Core.Accounts;

namespace Governance.Core.Infrastructure.Aws.Provisioning;

/// <summary>The size of inline policies as IAM counts it against its quotas.</summary>
public static class InlinePolicySize
{
    /// <summary>IAM's quota on the total of a role's inline policy documents.</summary>
    public const int RoleQuota = PolicySizeQuotas.RoleInlinePolicies;

    /// <summary>The characters of a document that count (see <see cref="PolicySizeQuotas.Count"/>).</summary>
    public static int Of(string document) => PolicySizeQuotas.Count(document);
}
