using System.Text.Json;
using Governance.Core.Accounts;
using Governance.Core.Infrastructure.Aws.Iam;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Core.Infrastructure.Aws.Snapshot;

/// <summary>Reloads the service's account copy from IAM: the drift audit, previews and can-i then see the real account.</summary>
/// <remarks>A failed read keeps the previous copy: stale state is better than none, and the next run tries again.</remarks>
public sealed class LiveAccountRefresher(IamClient iam, AccountStateStore store)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Reads the account and, when the read succeeds, replaces the copy atomically.</summary>
    public async Task<AccountSnapshotFetch> RefreshAsync(CancellationToken cancellationToken)
    {
        var fetch = await AccountSnapshotFetcher.FetchAsync(iam, cancellationToken).ConfigureAwait(false);
        if (fetch.Success)
        {
            await store.ReplaceAsync(fetch.Snapshot!.ToJsonString(Indented), cancellationToken).ConfigureAwait(false);
        }
        return fetch;
    }

    /// <summary>
    /// The read at start of a process (API or worker) whose account comes from IAM. The first start, with no copy at
    /// <paramref name="accountPath"/> yet, must read the account, or the process would open the store on the demo seed and
    /// answer as if it were the real account: a failure is an error. A later start refreshes the copy, keeping it when
    /// IAM cannot be read.
    /// </summary>
    /// <returns>The read, and whether it was the first start (its failure must stop the process).</returns>
    public static async Task<(AccountSnapshotFetch Fetch, bool FirstStart)> LoadAtStartAsync(IServiceProvider services, string accountPath,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!File.Exists(accountPath))
        {
            return (await FetchIntoFileAsync(services.GetRequiredService<IamClient>(), accountPath, cancellationToken).ConfigureAwait(false), true);
        }
        return (await services.GetRequiredService<LiveAccountRefresher>().RefreshAsync(cancellationToken).ConfigureAwait(false), false);
    }

    /// <summary>Why a first start that could not read the account stops: the one line the API and the worker print.</summary>
    public static string FirstStartFailure(AccountSnapshotFetch fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        return $"{AwsIntegrationOptions.AccountKey}=Aws: the account could not be read from IAM: {fetch.Describe()}";
    }

    /// <summary>Reads the account into <paramref name="path"/> before the store opens it: the service's first start on a live account.</summary>
    public static async Task<AccountSnapshotFetch> FetchIntoFileAsync(IamClient iam, string path, CancellationToken cancellationToken)
    {
        var fetch = await AccountSnapshotFetcher.FetchAsync(iam, cancellationToken).ConfigureAwait(false);
        if (fetch.Success)
        {
            AccountStateStore.WriteFile(path, fetch.Snapshot!.ToJsonString(Indented));
        }
        return fetch;
    }
}
