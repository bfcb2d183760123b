namespace Governance.Core.AuditTrail.Checkpoints;

/// <summary>
/// Verifies the audit trail as CloudTrail's log file validation does: every checkpoint's signature with the public key
/// and its link to the one before, every event's hash against its content, its predecessor and the hash a checkpoint
/// signed, and that the chain reaches the last signed sequence.
/// </summary>
/// <remarks>
/// Events and checkpoints are walked together in sequence order, one event and one checkpoint in memory at a time, so
/// the first problem found is the one with the lowest sequence. Events after the last checkpoint are checked by the
/// chain alone: a database writer who rewrites them and recomputes their hashes is not detected until a checkpoint
/// covers them (the answer says how many there are). A missing append-only trigger is reported when nothing else is.
/// </remarks>
public static class AuditTrailVerifier
{
    /// <summary>Verifies <paramref name="events"/> against <paramref name="checkpoints"/> signed by <paramref name="key"/>.</summary>
    /// <param name="events">The chain, in order.</param>
    /// <param name="checkpoints">The signed checkpoints.</param>
    /// <param name="key">The public key the checkpoints must be signed with.</param>
    /// <param name="triggers">The append-only triggers found, or <see cref="AuditTriggerStatus.NotChecked"/> for an export.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <exception cref="InvalidDataException">The event source cannot be read (an export line that is not an event).</exception>
    public static async Task<AuditTrailVerification> VerifyAsync(IAuditEventSource events, IAuditCheckpointStore checkpoints, AuditPublicKey key,
        AuditTriggerStatus triggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(triggers);
        var signed = new SignedRanges(checkpoints.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken), key);
        await using (signed.ConfigureAwait(false))
        {
            return await WalkAsync(events, signed, triggers, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<AuditTrailVerification> WalkAsync(IAuditEventSource events, SignedRanges signed, AuditTriggerStatus triggers,
        CancellationToken cancellationToken)
    {
        long verified = 0;
        string? head = null;
        AuditTrailVerification Stop(AuditProblem problem)
            => new(problem, verified, signed.Verified, signed.LastSequence, null, head, triggers);

        if (await signed.MoveNextAsync(0).ConfigureAwait(false) is { } first)
        {
            return Stop(first);
        }
        await foreach (var e in events.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var expected = verified + 1;
            while (signed.Current is { } passed && expected > passed.To)
            {
                if (await signed.MoveNextAsync(passed.To).ConfigureAwait(false) is { } problem)
                {
                    return Stop(problem);
                }
            }
            if (ChainProblem(e, expected, head ?? AuditHasher.Genesis) is { } broken)
            {
                return Stop(broken);
            }
            if (signed.Current is { } covering && expected >= covering.From
                && !string.Equals(covering.HashOf(expected), e.Hash, StringComparison.Ordinal))
            {
                return Stop(new AuditProblem(AuditProblemKind.EventNotAsSigned, expected,
                    $"event {expected} is not the event signed in checkpoint {covering.From}–{covering.To}: it was edited, forged, inserted or replaced"));
            }
            head = e.Hash;
            verified++;
        }
        // Every checkpoint left covers sequences the chain no longer has, unless it does not verify itself.
        while (signed.Current is { } remaining)
        {
            if (await signed.MoveNextAsync(remaining.To).ConfigureAwait(false) is { } problem)
            {
                return Stop(problem);
            }
        }
        var lastSigned = signed.LastSequence ?? 0;
        if (lastSigned > verified)
        {
            return Stop(new AuditProblem(AuditProblemKind.ChainTruncated, verified + 1,
                $"the chain ends at event {verified} but a signed checkpoint covers events up to {lastSigned}: events {verified + 1}–{lastSigned} were deleted"));
        }
        var notCheckpointed = verified - lastSigned;
        if (triggers.State == AuditTriggerState.Missing)
        {
            return new AuditTrailVerification(new AuditProblem(AuditProblemKind.TriggerMissing, lastSigned + 1,
                $"the append-only trigger{(triggers.Missing.Length == 1 ? string.Empty : "s")} {string.Join(", ", triggers.Missing.Select(static t => $"`{t}`"))} "
                + $"{(triggers.Missing.Length == 1 ? "is" : "are")} missing or disabled: events from {lastSigned + 1} on, not yet in a signed checkpoint, can be changed unnoticed"),
                verified, signed.Verified, signed.LastSequence, notCheckpointed, head, triggers);
        }
        return new AuditTrailVerification(null, verified, signed.Verified, signed.LastSequence, notCheckpointed, head, triggers);
    }

    /// <summary>Why <paramref name="e"/> breaks the chain by itself (<see cref="AuditChainLink.Check"/>), or null.</summary>
    internal static AuditProblem? ChainProblem(AuditEvent e, long expected, string previousHash)
    {
        if (AuditChainLink.Check(e, expected, previousHash) is not { } reason)
        {
            return null;
        }
        var kind = e.Sequence > expected ? AuditProblemKind.EventMissing
            : e.Sequence < expected || !string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal) ? AuditProblemKind.EventUnlinked
            : AuditProblemKind.EventAltered;
        return new AuditProblem(kind, Math.Min(e.Sequence, expected), reason);
    }

    /// <summary>The checkpoints in order, each verified (signature, key, link, no gap) as the walk reaches it.</summary>
    private sealed class SignedRanges(IAsyncEnumerator<StoredCheckpoint> stored, AuditPublicKey key) : IAsyncDisposable
    {
        private string? _previousSignature;

        public AuditCheckpoint? Current { get; private set; }

        public int Verified { get; private set; }

        public long? LastSequence { get; private set; }

        /// <summary>Moves to the next checkpoint, which must start right after <paramref name="coveredTo"/>.</summary>
        /// <returns>Why the next checkpoint cannot be trusted, or null (also at the end, where <see cref="Current"/> is null).</returns>
        public async Task<AuditProblem?> MoveNextAsync(long coveredTo)
        {
            Current = null;
            if (!await stored.MoveNextAsync().ConfigureAwait(false))
            {
                return null;
            }
            var next = stored.Current;
            if (next.Checkpoint is not { } c)
            {
                return new AuditProblem(AuditProblemKind.CheckpointInvalid, Math.Max(next.From, coveredTo + 1),
                    $"checkpoint `{next.Name}` cannot be read: {next.Error}");
            }
            if (!string.Equals(c.KeyId, key.KeyId, StringComparison.Ordinal))
            {
                return new AuditProblem(AuditProblemKind.CheckpointInvalid, c.From,
                    $"checkpoint {c.From}–{c.To} was signed by key `{c.KeyId}`, not by the published key `{key.KeyId}`");
            }
            if (!key.Verify(AuditCheckpointFormat.SignedBytes(c), c.Signature))
            {
                return new AuditProblem(AuditProblemKind.CheckpointInvalid, c.From,
                    $"the signature of checkpoint {c.From}–{c.To} does not verify: the checkpoint was altered");
            }
            if (c.From > coveredTo + 1)
            {
                return new AuditProblem(AuditProblemKind.CheckpointMissing, coveredTo + 1,
                    $"no checkpoint covers events {coveredTo + 1}–{c.From - 1}: a checkpoint was deleted");
            }
            if (c.From <= coveredTo || !string.Equals(c.PreviousSignature, _previousSignature, StringComparison.Ordinal))
            {
                return new AuditProblem(AuditProblemKind.CheckpointChainBroken, c.From,
                    $"checkpoint {c.From}–{c.To} does not follow the checkpoint before it (its previous signature or its range does not match)");
            }
            (Current, _previousSignature, LastSequence) = (c, c.Signature, c.To);
            Verified++;
            return null;
        }

        public ValueTask DisposeAsync() => stored.DisposeAsync();
    }
}
