using PolicyEngine.Evaluation;

namespace Governance.Api.Console.Pages.CanI;

/// <summary>How the Can I page says a decision: in words, never by colour alone (layers: <see cref="Governance.Core.Reports.PolicyWords"/>).</summary>
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
}
