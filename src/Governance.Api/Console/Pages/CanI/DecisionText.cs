using PolicyEngine.Evaluation;

namespace Governance.Api.Console.Pages.CanI;

/// <summary>How the Can I page says a decision and names a policy layer: in words, never by colour alone.</summary>
internal static class DecisionText
{
    /// <summary>The decision as a heading says it.</summary>
    public static string Headline(Decision decision) => decision switch
    {
        Decision.Allow => "Yes: allowed",
        Decision.ExplicitDeny => "No: explicitly denied",
        _ => "No: not allowed (implicit deny)",
    };

    /// <summary>The decision's badge text, also its CSS class in lower case.</summary>
    public static string Badge(Decision decision) => decision.ToString();

    /// <summary>The policy layer a statement belongs to.</summary>
    public static string Layer(PolicyType type) => type switch
    {
        PolicyType.Identity => "identity policy",
        PolicyType.PermissionsBoundary => "permissions boundary",
        PolicyType.Session => "session policy",
        PolicyType.ServiceControl => "service control policy (SCP)",
        PolicyType.ResourceControl => "resource control policy (RCP)",
        PolicyType.Resource => "resource policy",
        _ => type.ToString(),
    };
}
