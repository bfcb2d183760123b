using System.Collections.Immutable;
using System.Text.Json.Serialization;

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
    DriftBaseline Baseline);
