using Governance.Core.Risk;

namespace Governance.Core.Reports.Html;

/// <summary>One bar of <see cref="HtmlReport.SeverityChart"/>: a label and its number of findings of each severity.</summary>
/// <param name="Label">What the bar counts: a category, a run's date.</param>
/// <param name="Count">The number of findings of a severity in it.</param>
internal sealed record ChartRow(string Label, Func<RiskSeverity, int> Count);
