using System.Collections.Immutable;

namespace Governance.Core.AuditTrail.Checkpoints;

/// <summary>
/// A signed statement of a stretch of the audit chain: the hash of every event from <see cref="From"/> to
/// <see cref="To"/>, chained to the checkpoint before it by that checkpoint's signature (CloudTrail's digest files).
/// </summary>
/// <remarks>
/// The signature covers <see cref="AuditCheckpointFormat.SignedBytes"/>, which holds every field but the signature
/// itself; checkpoints are kept outside the database, so that a database writer can neither forge nor rewrite them.
/// </remarks>
/// <param name="Version">The format version (<see cref="AuditCheckpointFormat.CurrentVersion"/>).</param>
/// <param name="From">The first sequence covered.</param>
/// <param name="To">The last sequence covered, inclusive.</param>
/// <param name="EventHashes">The hash of each event from <see cref="From"/> to <see cref="To"/>, in order.</param>
/// <param name="CreatedAt">When it was signed (UTC, whole microseconds).</param>
/// <param name="PreviousSignature">The previous checkpoint's <see cref="Signature"/>; null for the first.</param>
/// <param name="KeyId">Lower-case hex SHA-256 of the signing key's SubjectPublicKeyInfo.</param>
/// <param name="Signature">Base64 of the ECDSA P-256 SHA-256 signature (IEEE P1363, r‖s) over the signed bytes.</param>
public sealed record AuditCheckpoint(
    int Version,
    long From,
    long To,
    ImmutableArray<string> EventHashes,
    DateTimeOffset CreatedAt,
    string? PreviousSignature,
    string KeyId,
    string Signature)
{
    /// <summary>Signs a checkpoint of the events from <paramref name="from"/> whose hashes are <paramref name="eventHashes"/>.</summary>
    /// <param name="signer">The key.</param>
    /// <param name="from">The first sequence covered.</param>
    /// <param name="eventHashes">The hash of each event covered, in order; at least one.</param>
    /// <param name="previousSignature">The previous checkpoint's signature; null for the first.</param>
    /// <param name="createdAt">When it is signed.</param>
    /// <param name="cancellationToken">Stops a remote signer.</param>
    public static async Task<AuditCheckpoint> SignAsync(IAuditCheckpointSigner signer, long from, IReadOnlyList<string> eventHashes,
        string? previousSignature, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(eventHashes);
        ArgumentOutOfRangeException.ThrowIfZero(eventHashes.Count);
        var unsigned = new AuditCheckpoint(AuditCheckpointFormat.CurrentVersion, from, from + eventHashes.Count - 1, [.. eventHashes],
            AuditHasher.Normalize(createdAt), previousSignature, signer.PublicKey.KeyId, string.Empty);
        var signature = await signer.SignAsync(AuditCheckpointFormat.SignedBytes(unsigned), cancellationToken).ConfigureAwait(false);
        return unsigned with { Signature = Convert.ToBase64String(signature) };
    }

    /// <summary>The hash of the last event covered: the chain's head when it was signed.</summary>
    public string HeadHash => EventHashes[^1];

    /// <summary>The signed hash of <paramref name="sequence"/>, which must lie in the range.</summary>
    public string HashOf(long sequence) => EventHashes[checked((int)(sequence - From))];
}
