using Governance.Core.Accounts;
using Governance.Core.Infrastructure.Aws.Iam;

namespace Governance.Core.Infrastructure.Aws.Snapshot;

/// <summary>Reads the whole account from IAM as a snapshot in the JSON of <c>aws iam get-account-authorization-details</c>.</summary>
public static class AccountSnapshotFetcher
{
    /// <summary>IAM's largest page; fewer round trips for large accounts.</summary>
    public const int PageSize = 1000;

    /// <summary>
    /// Fetches every page and converts it; the result is checked with <see cref="AccountSnapshotReader"/>, so a
    /// snapshot is only returned when every command that reads <c>--account</c> files can read it.
    /// </summary>
    public static async Task<AccountSnapshotFetch> FetchAsync(IamClient client, CancellationToken cancellationToken, int? pageSize = PageSize)
    {
        ArgumentNullException.ThrowIfNull(client);
        var pages = await client.GetAccountAuthorizationDetailsAsync(pageSize, cancellationToken).ConfigureAwait(false);
        if (!pages.Success)
        {
            return new AccountSnapshotFetch(null, pages.Error, [], pages.RequestIds);
        }
        var (snapshot, errors) = AuthorizationDetailsJson.FromPages(pages.Value);
        var read = AccountSnapshotReader.Read(snapshot.ToJsonString());
        var problems = errors.Concat(read.Errors.Select(static e => e.ToString())).Distinct(StringComparer.Ordinal).ToList();
        return problems.Count == 0
            ? new AccountSnapshotFetch(snapshot, null, [], pages.RequestIds)
            : new AccountSnapshotFetch(null, null, problems, pages.RequestIds);
    }
}
