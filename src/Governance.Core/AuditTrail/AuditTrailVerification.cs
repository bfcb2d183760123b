namespace Governance.Core.AuditTrail;

/// <summary>The outcome of verifying the audit trail against its signed checkpoints.</summary>
/// <param name="Problem">The first problem found; null when the trail verifies.</param>
/// <param name="Events">Events verified (up to the first problem).</param>
/// <param name="CheckpointsVerified">Checkpoints whose signature and link verified.</param>
/// <param name="LastCheckpointSequence">The last sequence a verified checkpoint covers; null when there is none.</param>
/// <param name="EventsNotCheckpointed">Events after the last checkpoint, protected by the chain alone; null when verification stopped early.</param>
/// <param name="HeadHash">The last verified event's hash.</param>
/// <param name="Triggers">The append-only triggers found.</param>
public sealed record AuditTrailVerification(
    AuditProblem? Problem,
    long Events,
    int CheckpointsVerified,
    long? LastCheckpointSequence,
    long? EventsNotCheckpointed,
    string? HeadHash,
    AuditTriggerStatus Triggers)
{
    /// <summary>True when no problem was found.</summary>
    public bool Valid => Problem is null;
}
