namespace Governance.Core.AuditTrail.Checkpoints;

/// <summary>Where signed checkpoints are kept, apart from the database they vouch for.</summary>
/// <remarks>
/// The embedded default is <see cref="AuditCheckpointFolder"/>. In production they belong in storage the service can
/// add to but not change, such as an S3 bucket with Object Lock in compliance mode: an implementation of this interface
/// would put one object per checkpoint with <c>If-None-Match: *</c>. None is built here.
/// </remarks>
public interface IAuditCheckpointStore
{
    /// <summary>The checkpoint that covers the highest sequence, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">The newest checkpoint cannot be read.</exception>
    Task<AuditCheckpoint?> LatestAsync(CancellationToken cancellationToken);

    /// <summary>Every checkpoint, in the order of the sequences they cover, read one at a time.</summary>
    IAsyncEnumerable<StoredCheckpoint> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>How many checkpoints are stored.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>At most <paramref name="take"/> checkpoints after the first <paramref name="skip"/>, in sequence order.</summary>
    Task<IReadOnlyList<StoredCheckpoint>> ReadPageAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="checkpoint"/> unless one for the same range is already stored.</summary>
    /// <returns>False when the range was already stored (another node wrote it first).</returns>
    Task<bool> TryAddAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken);
}
