using System.Runtime.CompilerServices;
using Governance.Core.AuditTrail;
using Governance.Core.AuditTrail.Checkpoints;

namespace Governance.Core.Tests.AuditTrail.Checkpoints;

/// <summary>An audit chain and its checkpoints in memory, as the verifier's event source and checkpoint store.</summary>
internal sealed class MemoryTrail : IAuditEventSource, IAuditCheckpointStore
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public List<AuditEvent> Events { get; } = [];

    public List<AuditCheckpoint> Checkpoints { get; } = [];

    /// <summary>A chain of <paramref name="count"/> events signed by <paramref name="signer"/> in checkpoints of <paramref name="every"/>.</summary>
    public static async Task<MemoryTrail> CreateAsync(int count, int every, IAuditCheckpointSigner signer)
    {
        var trail = new MemoryTrail();
        trail.Append(count);
        string? previous = null;
        for (var from = 1; from <= count; from += every)
        {
            var hashes = trail.Events.Skip(from - 1).Take(every).Select(static e => e.Hash).ToList();
            var checkpoint = await AuditCheckpoint.SignAsync(signer, from, hashes, previous, Start.AddMinutes(from), CancellationToken.None);
            trail.Checkpoints.Add(checkpoint);
            previous = checkpoint.Signature;
        }
        return trail;
    }

    public void Append(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var sequence = Events.Count + 1;
            Events.Add(Event(sequence, "alice", sequence == 1 ? AuditHasher.Genesis : Events[^1].Hash));
        }
    }

    public static AuditEvent Event(long sequence, string actor, string previousHash)
        => new(sequence, Start.AddSeconds(sequence), actor, "request.created", null, null, null, $$"""{"n":{{sequence}}}""", previousHash);

    /// <summary>The events from index <paramref name="from"/> on, renumbered by position and rechained with recomputed hashes, as a forger would.</summary>
    public void RechainFrom(int from)
    {
        for (var i = from; i < Events.Count; i++)
        {
            var e = Events[i];
            Events[i] = new AuditEvent(i + 1, e.OccurredAt, e.Actor, e.Action, e.RequestId, e.GrantId, e.Before, e.After,
                i == 0 ? AuditHasher.Genesis : Events[i - 1].Hash);
        }
    }

    public async IAsyncEnumerable<AuditEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var e in Events)
        {
            await Task.Yield();
            yield return e;
        }
    }

    public Task<AuditCheckpoint?> LatestAsync(CancellationToken cancellationToken) => Task.FromResult(Checkpoints.LastOrDefault());

    public async IAsyncEnumerable<StoredCheckpoint> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var c in Checkpoints)
        {
            await Task.Yield();
            yield return new StoredCheckpoint($"{c.From}-{c.To}", c.From, c, null);
        }
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(Checkpoints.Count);

    public Task<IReadOnlyList<StoredCheckpoint>> ReadPageAsync(int skip, int take, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<StoredCheckpoint>>([.. Checkpoints.Skip(skip).Take(take).Select(static c => new StoredCheckpoint($"{c.From}-{c.To}", c.From, c, null))]);

    public Task<bool> TryAddAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        Checkpoints.Add(checkpoint);
        return Task.FromResult(true);
    }

    public Task<AuditTrailVerification> VerifyAsync(AuditPublicKey key, AuditTriggerStatus? triggers = null)
        => AuditTrailVerifier.VerifyAsync(this, this, key, triggers ?? new AuditTriggerStatus(AuditTriggerState.Intact, []), CancellationToken.None);
}
