using System.Collections.Immutable;

namespace Governance.Core.Drift.Records;

/// <summary>What one retention run did to the stored drift reports.</summary>
/// <param name="Removed">The ids of the reports removed.</param>
/// <param name="Compressed">How many reports stored uncompressed were compressed.</param>
public sealed record DriftReportRetentionRun(ImmutableArray<Guid> Removed, int Compressed);
