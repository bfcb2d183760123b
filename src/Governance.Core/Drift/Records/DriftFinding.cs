using System.Text.Json.Serialization;
using Governance.Core.Exclusions;
using Governance.Core.Risk;

namespace Governance.Core.Drift.Records;

/// <summary>One difference between intended and actual state.</summary>
/// <param name="Kind">What kind of difference.</param>
/// <param name="Principal">The role's ARN; for guardrail findings (<see cref="DriftKinds"/>) the guardrail as <c>scp/NAME</c> or <c>rcp/NAME</c>.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Detail">One line for people, with the evidence (the access delta, the policy name).</param>
public sealed record DriftFinding(DriftKind Kind, string Principal, RiskSeverity Severity, string Detail)
{
    /// <summary>For a <see cref="DriftKind.NewRisk"/>, the risk it reports; null for other kinds and in a report read back.</summary>
    /// <remarks>Not written: a finding's JSON is exactly kind, principal, severity and detail (docs/cli-json.md); exclusions match it before it is stored.</remarks>
    [JsonIgnore]
    public RiskRecord? Risk { get; init; }

    /// <summary>
    /// Its identity across runs (<see cref="FindingFingerprint"/>): a NewRisk's is its risk's, as <c>iamgov audit</c> prints
    /// it; another kind's is its kind's on its principal.
    /// </summary>
    [JsonIgnore]
    public string Fingerprint => Risk is { } risk
        ? FindingFingerprint.Of(risk.Principal, risk.Category.ToString(), risk.Title)
        : FindingFingerprint.Of(Principal, Kind.ToString(), string.Empty);
}
