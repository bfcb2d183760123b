using Governance.Core.Risk;

namespace Governance.Core.Drift.Records;

/// <summary>One risk finding of the account analysis, as a report keeps it: two records with equal fields are the same risk.</summary>
/// <param name="Principal">The principal's ARN.</param>
/// <param name="Category">The kind of risk.</param>
/// <param name="Severity">How urgent it is; a risk whose severity rises counts as new.</param>
/// <param name="Title">The finding's one line, such as the actions of an escalation path.</param>
public sealed record RiskRecord(string Principal, FindingCategory Category, RiskSeverity Severity, string Title);
