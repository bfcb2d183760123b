namespace Governance.Core.AuditTrail;

/// <summary>What is wrong with the audit trail, first found first.</summary>
public enum AuditProblemKind
{
    /// <summary>An event's content does not match its own hash: edited without recomputing.</summary>
    EventAltered,

    /// <summary>An event's previous hash is not the hash of the event before it, or events are out of order.</summary>
    EventUnlinked,

    /// <summary>A sequence number is absent: the event was deleted.</summary>
    EventMissing,

    /// <summary>An event's hash differs from the one a signed checkpoint holds: edited with recomputed hashes, forged, inserted or replaced.</summary>
    EventNotAsSigned,

    /// <summary>The chain ends before the last sequence a signed checkpoint covers: its tail was deleted.</summary>
    ChainTruncated,

    /// <summary>A checkpoint's signature does not verify with the public key, or its file cannot be read.</summary>
    CheckpointInvalid,

    /// <summary>Checkpoints leave a gap in the sequences they cover: a checkpoint was deleted.</summary>
    CheckpointMissing,

    /// <summary>A checkpoint does not carry the previous checkpoint's signature, or overlaps it.</summary>
    CheckpointChainBroken,

    /// <summary>An append-only trigger was dropped or disabled.</summary>
    TriggerMissing,
}
