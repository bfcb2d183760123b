namespace Governance.Core.AuditTrail.Checkpoints;

/// <summary>What one checkpoint run did.</summary>
/// <param name="Written">Checkpoints written by this run.</param>
/// <param name="CoveredTo">The last sequence covered by a checkpoint after the run (0 when none).</param>
/// <param name="Refusal">Why the run refused to sign: the events after the last checkpoint do not verify.</param>
public sealed record AuditCheckpointRun(int Written, long CoveredTo, AuditProblem? Refusal);
