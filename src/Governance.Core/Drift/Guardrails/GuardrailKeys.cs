using Governance.Core.Accounts.Organization;

namespace Governance.Core.Drift.Guardrails;

/// <summary>The one naming of guardrails in reports and files: the <c>scp</c> and <c>rcp</c> folders, and <c>scp/NAME</c>.</summary>
public static class GuardrailKeys
{
    /// <summary>The folder under <c>guardrails/</c>, and the manifest's key, for <paramref name="type"/>.</summary>
    public static string Folder(OrganizationPolicyType type) => type == OrganizationPolicyType.ServiceControlPolicy ? "scp" : "rcp";

    /// <summary>A guardrail's name in reports: <c>scp/region-lock</c>.</summary>
    public static string Of(OrganizationPolicyType type, string name) => $"{Folder(type)}/{name}";

    /// <summary>"SCP" or "RCP", for sentences.</summary>
    public static string Abbreviation(OrganizationPolicyType type) => type == OrganizationPolicyType.ServiceControlPolicy ? "SCP" : "RCP";
}
