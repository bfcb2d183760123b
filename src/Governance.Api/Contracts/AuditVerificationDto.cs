using Governance.Core.AuditTrail;

namespace Governance.Api.Contracts;

/// <summary>The result of <c>GET /v1/audit/verify</c>.</summary>
/// <param name="Valid">True when the chain, the signed checkpoints and the append-only triggers all verify.</param>
/// <param name="Events">Events verified (up to the first problem).</param>
/// <param name="FirstBrokenSequence">The first sequence affected by the problem (as <c>problem.sequence</c>).</param>
/// <param name="Reason">Why (as <c>problem.message</c>).</param>
/// <param name="HeadHash">The last verified event's hash.</param>
/// <param name="CheckpointsVerified">Signed checkpoints whose signature and link verified.</param>
/// <param name="LastCheckpointSequence">The last sequence a verified checkpoint covers.</param>
/// <param name="EventsNotCheckpointed">Events after the last checkpoint, protected by the chain alone; null when verification stopped early.</param>
/// <param name="Problem">The first problem found, or null.</param>
/// <param name="Triggers">The append-only triggers found in the database.</param>
public sealed record AuditVerificationDto(
    bool Valid,
    long Events,
    long? FirstBrokenSequence,
    string? Reason,
    string? HeadHash,
    int CheckpointsVerified,
    long? LastCheckpointSequence,
    long? EventsNotCheckpointed,
    AuditProblemDto? Problem,
    AuditTriggersDto Triggers)
{
    /// <summary>Maps the domain result.</summary>
    public static AuditVerificationDto From(AuditTrailVerification v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Valid, v.Events, v.Problem?.Sequence, v.Problem?.Message, v.HeadHash, v.CheckpointsVerified, v.LastCheckpointSequence,
            v.EventsNotCheckpointed, v.Problem is { } p ? new AuditProblemDto(p.Kind, p.Sequence, p.Message) : null,
            new AuditTriggersDto(v.Triggers.State, [.. v.Triggers.Missing]));
    }
}

/// <summary>The first problem verification found.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Sequence">The first sequence affected.</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record AuditProblemDto(AuditProblemKind Kind, long Sequence, string Message);

/// <summary>The append-only triggers on the audit table.</summary>
/// <param name="State"><c>Intact</c>, <c>Missing</c>, or <c>NotChecked</c>.</param>
/// <param name="Missing">The triggers dropped or disabled.</param>
public sealed record AuditTriggersDto(AuditTriggerState State, IReadOnlyList<string> Missing);
