using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Governance.Core.Exclusions;

namespace Governance.Core.Drift.Records;

/// <summary>One run of the drift audit: its findings, the access delta since the previous run, and what the next run compares with.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="RanAt">When it ran (the requests' assumed time too).</param>
/// <param name="Findings">What it found, by principal and kind.</param>
/// <param name="Previous">The run it was compared with; null for a first audit.</param>
/// <param name="AccessDelta">Per principal, the access gained or lost since <paramref name="Previous"/>; empty for a first audit.</param>
/// <param name="Baseline">This run's risks and policies, which the next run compares with.</param>
public sealed record DriftReport(
    Guid Id,
    DateTimeOffset RanAt,
    [property: JsonPropertyOrder(-1)] ImmutableArray<DriftFinding> Findings,
    PreviousAudit? Previous,
    ImmutableArray<PrincipalAccessDelta> AccessDelta,
    DriftBaseline Baseline)
{
    /// <summary>
    /// Findings an exclusions file hides (<see cref="DriftExclusions"/>): not in <see cref="Findings"/>, listed apart
    /// with their reason, approver and expiry. Empty in reports written before exclusions existed.
    /// </summary>
    public ImmutableArray<ExcludedDriftFinding> Excluded { get; init; } = [];

    /// <summary>The exclusions that expired or matched no finding in this run, to renew or remove.</summary>
    public ImmutableArray<ExclusionWarning> ExclusionWarnings { get; init; } = [];
}
