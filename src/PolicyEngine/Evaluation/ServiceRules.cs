using System.Collections.Frozen;
using PolicyEngine.Catalog;

namespace PolicyEngine.Evaluation;

/// <summary>The rules AWS documents for particular services and actions, as data.</summary>
internal static class ServiceRules
{
    /// <summary>
    /// Whether RCPs govern the resources of <paramref name="servicePrefix"/>; they do not apply to any other service's
    /// actions. AWS adds services to this list over time, so it comes from the action catalogue (regenerated from
    /// iam-data's rcpSupportedServices) rather than from a list written here.
    /// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services
    /// </summary>
    public static bool IsResourceControlService(string servicePrefix) => ActionCatalog.Default.SupportsRcp(servicePrefix);

    /// <summary>
    /// Actions governed by a role's trust policy, which must allow them explicitly.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy
    /// </summary>
    public static readonly FrozenSet<string> TrustPolicyActions = new[]
    {
        "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Needs no permission and cannot be denied.
    /// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
    /// </summary>
    public const string GetCallerIdentity = "sts:GetCallerIdentity";

    /// <summary>Whether <paramref name="resource"/> is an IAM role ARN (the resource of a trust-policy action).</summary>
    public static bool IsRoleArn(string resource)
        => resource.StartsWith("arn:", StringComparison.Ordinal) && resource.Contains(":iam::", StringComparison.Ordinal)
           && resource.Contains(":role/", StringComparison.Ordinal);

    /// <summary>
    /// Whether <paramref name="resource"/> is a KMS key, whose key policy must allow every use.
    /// https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
    /// </summary>
    public static bool IsKmsKeyArn(string resource)
        => resource.StartsWith("arn:", StringComparison.Ordinal) && resource.Contains(":kms:", StringComparison.Ordinal)
           && resource.Contains(":key/", StringComparison.Ordinal);
}
