using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using Governance.Core.Accounts.Questions;

namespace Governance.Core.OrganizationCopy;

/// <summary>
/// One version of the organisation copy, read: its files, the snapshot they make and the authorizer that answers from
/// it. Every answer a node gives comes from the newest of these (<c>OrganizationStore.CurrentAsync</c>).
/// </summary>
/// <remarks>Immutable and thread-safe; the authorizer caches compiled policies, so one state serves many questions.</remarks>
public sealed class OrganizationState
{
    internal OrganizationState(long version, DateTimeOffset createdAt, string reason, OrganizationFiles files,
        ImmutableDictionary<string, string> hashes, OrganizationReadResult read)
    {
        Version = version;
        CreatedAt = createdAt;
        Reason = reason;
        Files = files;
        Hashes = hashes;
        Snapshot = read.Snapshot!;
        Warnings = read.Warnings;
        Authorizer = new OrganizationAuthorizer(Snapshot);
    }

    /// <summary>The version number.</summary>
    public long Version { get; }

    /// <summary>When this version was written.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Why it was written.</summary>
    public string Reason { get; }

    /// <summary>The snapshot's files.</summary>
    public OrganizationFiles Files { get; }

    /// <summary>The organisation the files make.</summary>
    public OrganizationSnapshot Snapshot { get; }

    /// <summary>What reading the files warned about (an account without resources, a policy that does not parse).</summary>
    public ImmutableArray<OrganizationReadProblem> Warnings { get; }

    /// <summary>The authorizer that answers from <see cref="Snapshot"/>.</summary>
    public OrganizationAuthorizer Authorizer { get; }

    /// <summary>Every account's IAM, combined: the principals requests name and grants land on.</summary>
    public AccountState Accounts => Authorizer.Accounts.State;

    /// <summary>Each file's SHA-256 (hex), by path.</summary>
    internal ImmutableDictionary<string, string> Hashes { get; }

    /// <summary>
    /// The file holding the IAM of <paramref name="accountId"/>: its <c>authorization-details.json</c> in an organisation, or
    /// the single export of an organisation of one; null when the copy holds no IAM for that account.
    /// </summary>
    public string? IamFileOf(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        var inFolder = OrganizationFiles.AccountFile(accountId, OrganizationSnapshotReader.AuthorizationDetailsFileName);
        if (Files[inFolder] is not null)
        {
            return inFolder;
        }
        return Snapshot.Organization is null && Files[OrganizationSnapshotReader.AuthorizationDetailsFileName] is not null
            && Snapshot.ContentsOf(accountId)?.Iam is not null
            ? OrganizationSnapshotReader.AuthorizationDetailsFileName
            : null;
    }
}
