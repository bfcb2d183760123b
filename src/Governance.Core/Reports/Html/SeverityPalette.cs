using System.Collections.Immutable;
using Governance.Core.Risk;

namespace Governance.Core.Reports.Html;

/// <summary>The one colour of each severity in every HTML report: pills, chart bars, legends and accents.</summary>
internal static class SeverityPalette
{
    /// <summary>The severities from most to least urgent, the order in which charts, legends and tables list them.</summary>
    public static ImmutableArray<RiskSeverity> Order { get; } = [RiskSeverity.Critical, RiskSeverity.High, RiskSeverity.Medium, RiskSeverity.Low];

    /// <summary>The colour of <paramref name="severity"/>, dark enough for white text on it (at least 4.5:1, as axe-core checks the pills).</summary>
    public static string Colour(RiskSeverity severity) => severity switch
    {
        RiskSeverity.Critical => "#9f1239",
        RiskSeverity.High => "#c2410c",
        RiskSeverity.Medium => "#b45309",
        _ => "#64748b",
    };

    /// <summary>One CSS rule per severity, in <see cref="Order"/>: <paramref name="rule"/> is given the severity and its colour.</summary>
    public static string Css(Func<RiskSeverity, string, string> rule) => string.Concat(Order.Select(s => rule(s, Colour(s))));
}
