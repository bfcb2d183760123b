using System.Text;
using System.Text.Json;
using Governance.Core.Accounts.Organization;
using Governance.Core.Infrastructure.Aws.Iam;
using Governance.Core.OrganizationCopy;

namespace Governance.Core.Infrastructure.Aws.Snapshot;

/// <summary>
/// Reloads the service's copy from IAM (<c>Governance:Account:Source=Aws</c>: one live account, an organisation of one
/// whose resource policies are unknown): the drift audit, previews and can-i then see the real account.
/// </summary>
/// <remarks>A failed read keeps the previous copy: stale state is better than none, and the next run tries again.</remarks>
public sealed class LiveAccountRefresher(IamClient iam, OrganizationStore store) : ILiveCopyRefresher
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Reads the account and, when the read succeeds, writes it as the copy's next version.</summary>
    public async Task<AccountSnapshotFetch> RefreshAsync(CancellationToken cancellationToken)
    {
        var fetch = await AccountSnapshotFetcher.FetchAsync(iam, cancellationToken).ConfigureAwait(false);
        if (fetch.Success)
        {
            await store.ReplaceAsync(FilesOf(fetch), "refresh from IAM", cancellationToken).ConfigureAwait(false);
        }
        return fetch;
    }

    /// <summary>
    /// The read at start of a process (API or worker) whose account comes from IAM. The first start, with an empty copy,
    /// must read the account, or the process would answer from the demo seed as if it were the real account: its failure
    /// is an error. A later start refreshes the copy, keeping it when IAM cannot be read.
    /// </summary>
    /// <returns>The read, and whether it was the first start (its failure must stop the process).</returns>
    public async Task<(AccountSnapshotFetch Fetch, bool FirstStart)> LoadAtStartAsync(CancellationToken cancellationToken)
    {
        if (await store.TryCurrentAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            return (await RefreshAsync(cancellationToken).ConfigureAwait(false), false);
        }
        var fetch = await AccountSnapshotFetcher.FetchAsync(iam, cancellationToken).ConfigureAwait(false);
        if (fetch.Success)
        {
            // Another process starting at the same time may have seeded it first: then its read stands.
            await store.SeedAsync(_ => Task.FromResult(FilesOf(fetch)), "first read from IAM", cancellationToken).ConfigureAwait(false);
        }
        return (fetch, true);
    }

    /// <summary>Why a first start that could not read the account stops: the one line the API and the worker print.</summary>
    public static string FirstStartFailure(AccountSnapshotFetch fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        return $"{AwsIntegrationOptions.AccountKey}=Aws: the account could not be read from IAM: {fetch.Describe()}";
    }

    /// <inheritdoc />
    async Task<CopyRefresh> ILiveCopyRefresher.RefreshAsync(CancellationToken cancellationToken)
        => Describe(await RefreshAsync(cancellationToken).ConfigureAwait(false), firstStart: false);

    /// <inheritdoc />
    async Task<CopyRefresh> ILiveCopyRefresher.LoadAtStartAsync(CancellationToken cancellationToken)
    {
        var (fetch, firstStart) = await LoadAtStartAsync(cancellationToken).ConfigureAwait(false);
        return Describe(fetch, firstStart);
    }

    private static CopyRefresh Describe(AccountSnapshotFetch fetch, bool firstStart)
        => new(fetch.Success, firstStart, fetch.Success
            ? $"account read from IAM ({fetch.RequestIds.Count} pages)"
            : firstStart ? FirstStartFailure(fetch) : $"account not read from IAM, the last copy stays: {fetch.Describe()}");

    private static OrganizationFiles FilesOf(AccountSnapshotFetch fetch)
        => OrganizationFiles.Empty.With(OrganizationSnapshotReader.AuthorizationDetailsFileName,
            Encoding.UTF8.GetBytes(fetch.Snapshot!.ToJsonString(Indented) + "\n"));
}
