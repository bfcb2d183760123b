using Governance.Core.Exclusions;

namespace Governance.Core.Risk;

/// <summary>A finding an exclusion hides from the totals and the gate, kept so the report still lists it with who accepted it.</summary>
/// <param name="Subject">The principal's or resource's ARN the finding belongs to.</param>
/// <param name="Finding">The finding.</param>
/// <param name="By">The exclusion that hides it.</param>
public sealed record ExcludedFinding(string Subject, Finding Finding, Exclusion By)
{
    /// <summary>The finding's fingerprint (<see cref="FindingFingerprint"/>).</summary>
    public string Fingerprint => RiskExclusions.FingerprintOf(Subject, Finding);
}
