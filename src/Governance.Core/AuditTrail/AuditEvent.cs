namespace Governance.Core.AuditTrail;

/// <summary>One entry of the append-only audit log, chained to the one before it by SHA-256.</summary>
/// <remarks>No code path updates or deletes an event; on PostgreSQL and SQLite a trigger refuses it too.</remarks>
public sealed class AuditEvent
{
    /// <summary>For EF Core.</summary>
    private AuditEvent()
    {
    }

    internal AuditEvent(long sequence, DateTimeOffset occurredAt, string actor, string action, Guid? requestId, Guid? grantId,
        string? before, string? after, string previousHash)
    {
        Sequence = sequence;
        OccurredAt = occurredAt;
        Actor = actor;
        Action = action;
        RequestId = requestId;
        GrantId = grantId;
        Before = before;
        After = after;
        PreviousHash = previousHash;
        Hash = AuditHasher.Compute(this);
    }

    /// <summary>An event as stored elsewhere (an export), with the hash it was stored with, so verification can check it.</summary>
    internal static AuditEvent Restore(long sequence, DateTimeOffset occurredAt, string actor, string action, Guid? requestId, Guid? grantId,
        string? before, string? after, string previousHash, string hash) => new()
    {
        Sequence = sequence,
        OccurredAt = occurredAt,
        Actor = actor,
        Action = action,
        RequestId = requestId,
        GrantId = grantId,
        Before = before,
        After = after,
        PreviousHash = previousHash,
        Hash = hash,
    };

    /// <summary>Its position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; private set; }

    /// <summary>When it happened (UTC, whole microseconds so that every database keeps it exactly).</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Who did it: a token subject, or <c>system:…</c> for the service.</summary>
    public string Actor { get; private set; } = string.Empty;

    /// <summary>What happened, such as <c>request.approved</c> (the recording feature names its actions; the chain does not know them).</summary>
    public string Action { get; private set; } = string.Empty;

    /// <summary>The request concerned, if any.</summary>
    public Guid? RequestId { get; private set; }

    /// <summary>The grant concerned, if any.</summary>
    public Guid? GrantId { get; private set; }

    /// <summary>The state before, as JSON text; null for creations.</summary>
    public string? Before { get; private set; }

    /// <summary>The state after, as JSON text.</summary>
    public string? After { get; private set; }

    /// <summary>The previous event's <see cref="Hash"/>; 64 zeros for the first event.</summary>
    public string PreviousHash { get; private set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the canonical serialization (see <see cref="AuditHasher"/>).</summary>
    public string Hash { get; private set; } = string.Empty;
}
