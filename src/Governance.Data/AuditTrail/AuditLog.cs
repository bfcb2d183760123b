using System.Text.Json;
using Governance.Core.Formats;
using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.AuditTrail;

/// <summary>
/// Appends events to the audit chain inside the caller's write transaction, so that an event is saved exactly when
/// the state change it records is.
/// </summary>
/// <remarks>Open one per write transaction, after <see cref="GovernanceDbContext.BeginWriteAsync"/> has taken the
/// write lock: the head it reads must not move until the transaction commits.</remarks>
public sealed class AuditLog
{
    /// <summary>
    /// The states' texts, hashed as written: a change here changes only events written from then on. Times in the one
    /// form (<see cref="UtcTimestamp"/>), so that a state shown in an answer carries no other form.
    /// </summary>
    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { UtcTimestampJsonConverter.Instance },
    };

    private readonly GovernanceDbContext _db;
    private readonly TimeProvider _time;
    private long _lastSequence;
    private string _lastHash;

    private AuditLog(GovernanceDbContext db, TimeProvider time, long lastSequence, string lastHash)
        => (_db, _time, _lastSequence, _lastHash) = (db, time, lastSequence, lastHash);

    /// <summary>Reads the chain's head and returns a log that appends after it.</summary>
    public static async Task<AuditLog> OpenAsync(GovernanceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(static e => e.Sequence)
            .Select(static e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new AuditLog(db, time, head?.Sequence ?? 0, head?.Hash ?? AuditHasher.Genesis);
    }

    /// <summary>Adds an event to the context; it is written by the caller's <c>SaveChanges</c>.</summary>
    /// <param name="actor">Who acted.</param>
    /// <param name="action">A stable dotted name chosen by the recording feature, such as <c>request.approved</c>.</param>
    /// <param name="requestId">The request concerned.</param>
    /// <param name="grantId">The grant concerned.</param>
    /// <param name="before">The state before (serialized as JSON), or null.</param>
    /// <param name="after">The state after (serialized as JSON), or null.</param>
    public AuditEvent Append(string actor, string action, Guid? requestId, Guid? grantId, object? before, object? after)
    {
        var e = new AuditEvent(_lastSequence + 1, AuditHasher.Normalize(_time.GetUtcNow()), actor, action, requestId, grantId,
            Serialize(before), Serialize(after), _lastHash);
        _db.AuditEvents.Add(e);
        (_lastSequence, _lastHash) = (e.Sequence, e.Hash);
        return e;
    }

    private static string? Serialize(object? state) => state is null ? null : JsonSerializer.Serialize(state, state.GetType(), StateJson);
}
