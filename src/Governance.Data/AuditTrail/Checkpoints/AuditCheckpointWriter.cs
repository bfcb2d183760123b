using Governance.Core.Infrastructure.Data;

namespace Governance.Core.AuditTrail.Checkpoints;

/// <summary>Signs the events not yet covered by a checkpoint and stores the checkpoints, when due or on demand.</summary>
/// <remarks>
/// Runs under the database's write lock, so that with several nodes one writes at a time and the chain does not move
/// while it is read; a range already stored is not written twice (<see cref="IAuditCheckpointStore.TryAddAsync"/>).
/// Before signing, the new events are checked against the last checkpoint's head and their own hashes: a chain already
/// broken is refused, never signed as if it were sound.
/// </remarks>
public sealed class AuditCheckpointWriter(GovernanceDbContext db, IAuditCheckpointSigner signer, IAuditCheckpointStore store,
    AuditCheckpointOptions options, TimeProvider time)
{
    /// <summary>Writes checkpoints when due: one per <see cref="AuditCheckpointOptions.EveryEvents"/> new events, and one
    /// for the rest when <see cref="AuditCheckpointOptions.EveryMinutes"/> have passed since the last checkpoint.</summary>
    public Task<AuditCheckpointRun> WriteDueAsync(CancellationToken cancellationToken) => RunAsync(force: false, cancellationToken);

    /// <summary>Writes checkpoints now for every event not yet covered (tests, and verification right after a write).</summary>
    public Task<AuditCheckpointRun> WriteNowAsync(CancellationToken cancellationToken) => RunAsync(force: true, cancellationToken);

    private async Task<AuditCheckpointRun> RunAsync(bool force, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var latest = await store.LatestAsync(cancellationToken).ConfigureAwait(false);
        var (coveredTo, head, previousSignature) = latest is null ? (0L, AuditHasher.Genesis, (string?)null) : (latest.To, latest.HeadHash, latest.Signature);
        var now = time.GetUtcNow();
        var timeDue = force || latest is null || now - latest.CreatedAt >= TimeSpan.FromMinutes(options.EveryMinutes);
        var written = 0;
        var pending = new List<AuditEvent>(options.EveryEvents);
        await foreach (var e in new DatabaseAuditEvents(db, coveredTo, options.EveryEvents).ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (AuditTrailVerifier.ChainProblem(e, coveredTo + pending.Count + 1, pending.Count == 0 ? head : pending[^1].Hash) is { } broken)
            {
                return new AuditCheckpointRun(written, coveredTo, broken);
            }
            pending.Add(e);
            if (pending.Count == options.EveryEvents)
            {
                (coveredTo, previousSignature) = await SignAsync(pending, previousSignature, now, cancellationToken).ConfigureAwait(false);
                head = pending[^1].Hash;
                pending.Clear();
                written++;
            }
        }
        // The rest waits for the clock; with no checkpoint yet, the first is due at once.
        if (pending.Count > 0 && timeDue)
        {
            (coveredTo, _) = await SignAsync(pending, previousSignature, now, cancellationToken).ConfigureAwait(false);
            written++;
        }
        return new AuditCheckpointRun(written, coveredTo, null);
    }

    private async Task<(long CoveredTo, string Signature)> SignAsync(List<AuditEvent> events, string? previousSignature, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var checkpoint = await AuditCheckpoint.SignAsync(signer, events[0].Sequence, [.. events.Select(static e => e.Hash)], previousSignature, now,
            cancellationToken).ConfigureAwait(false);
        if (!await store.TryAddAsync(checkpoint, cancellationToken).ConfigureAwait(false))
        {
            // Another writer stored this range first (a second store, or a node without the lock): chain to theirs.
            var theirs = await store.LatestAsync(cancellationToken).ConfigureAwait(false);
            return theirs is not null && theirs.To == checkpoint.To
                ? (theirs.To, theirs.Signature)
                : throw new InvalidOperationException($"audit checkpoint {checkpoint.From}–{checkpoint.To} exists in the store but is not its newest");
        }
        return (checkpoint.To, checkpoint.Signature);
    }
}
