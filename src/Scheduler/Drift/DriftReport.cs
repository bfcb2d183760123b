using System.Collections.Immutable;
using Governance.Core.Drift;

namespace Scheduler.Drift;

/// <summary>One run of the drift audit.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="RanAt">When it ran (the requests' assumed time too).</param>
/// <param name="Findings">What it found, by principal and kind.</param>
public sealed record DriftReport(Guid Id, DateTimeOffset RanAt, ImmutableArray<DriftFinding> Findings);
