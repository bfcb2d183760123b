using Governance.Core.Drift.Records;

namespace Governance.Core.Drift;

/// <summary>Which findings of a drift report are new since an earlier report: what <c>iamgov drift --previous --fail-on</c> counts.</summary>
public static class DriftFindingsSince
{
    /// <summary>
    /// True for a <see cref="DriftKind.NewRisk"/> (measured against <paramref name="previous"/> already), and for another
    /// finding when <paramref name="previous"/> had none of its kind on its principal with the same detail at the same or
    /// a higher severity, whether listed or excluded there: a role whose policies drift further (its detail names more
    /// access) has new drift.
    /// </summary>
    public static bool IsNew(DriftFinding finding, DriftReport previous)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(previous);
        return finding.Kind == DriftKind.NewRisk
            || !previous.Findings.Concat(previous.Excluded.Select(static e => e.Finding)).Any(p => p.Kind == finding.Kind
                && string.Equals(p.Principal, finding.Principal, StringComparison.Ordinal)
                && string.Equals(p.Detail, finding.Detail, StringComparison.Ordinal) && p.Severity >= finding.Severity);
    }
}
