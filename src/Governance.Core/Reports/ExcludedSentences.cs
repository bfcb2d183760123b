using System.Globalization;
using Governance.Core.Exclusions;

namespace Governance.Core.Reports;

/// <summary>The words every report format uses for an excluded finding's exclusion and for the exclusions to renew or remove.</summary>
internal static class ExcludedSentences
{
    /// <summary><c>accepted by ALICE until 2027-03-31: REASON (exclusions.json:4:5)</c>.</summary>
    public static string Accepted(Exclusion by)
        => string.Create(CultureInfo.InvariantCulture, $"accepted by {by.ApprovedBy} until {by.Expires:yyyy-MM-dd}: {by.Reason} ({by.Place})");

    /// <summary>The heading's count: <c>Excluded (2 findings, 1 exclusion to review)</c>.</summary>
    public static string Heading(int findings, int warnings)
        => $"Excluded ({findings} finding{(findings == 1 ? "" : "s")}"
            + (warnings == 0 ? ")" : $", {warnings} exclusion{(warnings == 1 ? "" : "s")} to review)");
}
