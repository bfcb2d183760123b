using Governance.Core.Risk;

namespace Governance.Core.Drift.Records;

/// <summary>One difference between intended and actual state.</summary>
/// <param name="Kind">What kind of difference.</param>
/// <param name="Principal">The role's ARN; for guardrail findings (<see cref="DriftKinds"/>) the guardrail as <c>scp/NAME</c> or <c>rcp/NAME</c>.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Detail">One line for people, with the evidence (the access delta, the policy name).</param>
public sealed record DriftFinding(DriftKind Kind, string Principal, RiskSeverity Severity, string Detail);
