using Governance.Core.Exclusions;

namespace Governance.Core.Drift.Records;

/// <summary>A drift finding an exclusion hides, kept so the report still lists it with who accepted it.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="By">The exclusion that hides it.</param>
public sealed record ExcludedDriftFinding(DriftFinding Finding, Exclusion By);
