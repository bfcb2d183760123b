using System.Collections.Immutable;

namespace Governance.Core.Accounts;

/// <summary>A snapshot, or every reason it could not be read.</summary>
/// <param name="Snapshot">The snapshot, when there were no errors.</param>
/// <param name="Errors">The problems found; empty on success.</param>
public sealed record SnapshotReadResult(AccountSnapshot? Snapshot, ImmutableArray<SnapshotError> Errors)
{
    /// <summary>True when the snapshot was read without error.</summary>
    public bool Success => Snapshot is not null && Errors.IsEmpty;
}
