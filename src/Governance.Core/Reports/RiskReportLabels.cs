using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>The words every risk report format uses for categories, resource kinds and evidence.</summary>
internal static class RiskReportLabels
{
    public static string Category(FindingCategory category) => category switch
    {
        FindingCategory.PrivilegeEscalation => "Privilege escalation",
        FindingCategory.AdminEquivalent => "Admin-equivalent",
        FindingCategory.DataExfiltration => "Data exfiltration",
        FindingCategory.ResourceExposure => "Resource exposure",
        FindingCategory.CredentialsExposure => "Credentials exposure",
        FindingCategory.OutsideAccess => "Outside access",
        FindingCategory.KeyDelegation => "Key delegation",
        FindingCategory.IneffectiveGuardrail => "Ineffective guardrail",
        _ => "Infrastructure modification",
    };

    public static string Kind(ResourceKind kind) => kind switch
    {
        ResourceKind.Bucket => "S3 bucket",
        ResourceKind.KmsKey => "KMS key",
        ResourceKind.Role => "IAM role",
        ResourceKind.ServiceControlPolicy => "SCP",
        ResourceKind.ResourceControlPolicy => "RCP",
        _ => "resource",
    };

    /// <summary>What a summarised chain finding adds to its path: how many other chains reach the same kind of power; empty for none.</summary>
    public static string OtherChains(Finding finding) => finding.OtherChains switch
    {
        0 => string.Empty,
        1 => "1 other chain reaches the same",
        var n => $"{n.ToString(System.Globalization.CultureInfo.InvariantCulture)} other chains reach the same",
    };

    /// <summary>A guardrail finding's statements are what fails to hold, not what grants.</summary>
    public static string EvidenceVerb(Finding finding)
        => finding.Category == FindingCategory.IneffectiveGuardrail ? "statement" : "granted by";
}
