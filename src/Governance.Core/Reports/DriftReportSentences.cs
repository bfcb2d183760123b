using System.Globalization;
using Governance.Core.Drift.Records;
using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>The sentences the Markdown and HTML renderings of a drift report share, so that both say the same thing.</summary>
internal static class DriftReportSentences
{
    /// <summary>The severities from most to least urgent.</summary>
    public static readonly RiskSeverity[] Severities = [.. Enum.GetValues<RiskSeverity>().Reverse()];

    /// <summary><c>3 findings: 0 critical, 1 high, 2 medium, 0 low.</c></summary>
    public static string Summary(DriftReport report)
        => $"{report.Findings.Length} findings: "
            + string.Join(", ", Severities.Select(s => $"{report.Findings.Count(f => f.Severity == s)} {s.ToString().ToLowerInvariant()}")) + ".";

    /// <summary>What the report was compared with, and so what NewRisk and the access delta mean in it.</summary>
    public static string ComparedWith(DriftReport report) => report.Previous is { } previous
        ? string.Create(CultureInfo.InvariantCulture,
            $"Compared with the previous audit of {previous.RanAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({previous.Id}): NewRisk lists the risks it did not have.")
        : "First audit: no previous report, so NewRisk lists the risks the roles as code would not give, and there is no access delta.";

    /// <summary>How a principal's access changed, as a short phrase.</summary>
    public static string Change(PrincipalChange change) => change switch
    {
        PrincipalChange.Added => "new principal",
        PrincipalChange.Removed => "principal gone",
        _ => "changed",
    };
}
