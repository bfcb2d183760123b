using Governance.Core.Accounts.Organization;
using Governance.Core.OrganizationCopy;

namespace Governance.Core.Infrastructure.Aws.Crawl;

/// <summary>
/// Reads the organisation copy from AWS (<c>Governance:Organization:Source=Aws</c>) with the crawl of
/// <c>iamgov snapshot --org</c>, at start and on the refresh job's schedule.
/// </summary>
/// <remarks>
/// A member account the crawl cannot read this time keeps its files from the copy's last version, named in the
/// description, rather than vanishing from every answer; a failure to read the organisation keeps the whole copy. Tested
/// against the loopback replay of the services' documented responses, never against a real organisation.
/// </remarks>
public sealed class LiveOrganizationRefresher(OrganizationStore store, AwsIntegrationOptions options, AwsEnvironment environment, TimeProvider time)
    : ILiveCopyRefresher
{
    /// <inheritdoc />
    public Task<CopyRefresh> RefreshAsync(CancellationToken cancellationToken) => ReadAsync(firstStart: false, cancellationToken);

    /// <inheritdoc />
    public async Task<CopyRefresh> LoadAtStartAsync(CancellationToken cancellationToken)
        => await ReadAsync(await store.TryCurrentAsync(cancellationToken).ConfigureAwait(false) is null, cancellationToken).ConfigureAwait(false);

    private async Task<CopyRefresh> ReadAsync(bool firstStart, CancellationToken cancellationToken)
    {
        var crawl = await OrganizationCrawler.CrawlAsync(
            new OrganizationCrawlOptions(options.Connection, environment, time) { MemberRoleName = options.MemberRole }, cancellationToken)
            .ConfigureAwait(false);
        if (crawl.Failure is { } failure)
        {
            return new CopyRefresh(false, firstStart, firstStart
                ? $"{AwsIntegrationOptions.OrganizationKey}=Aws: the organisation could not be read: {failure.Describe()}"
                : $"organisation not read, the last copy stays: {failure.Describe()}");
        }
        var files = crawl.Files;
        var kept = new List<string>();
        if (!firstStart && await store.TryCurrentAsync(cancellationToken).ConfigureAwait(false) is { } previous)
        {
            foreach (var problem in crawl.Problems)
            {
                var folder = $"{OrganizationSnapshotReader.AccountsFolderName}/{problem.AccountId}/";
                foreach (var path in previous.Files.Paths.Where(p => p.StartsWith(folder, StringComparison.Ordinal)))
                {
                    files = files.With(path, previous.Files[path]!.Value.Span);
                    kept.Add(problem.AccountId);
                }
            }
        }
        var reason = $"read from AWS Organizations: {crawl.AccountsRead.Length} accounts";
        var state = firstStart
            ? (await store.SeedAsync(_ => Task.FromResult(files), reason, cancellationToken).ConfigureAwait(false)).State
            : await store.ReplaceAsync(files, reason, cancellationToken).ConfigureAwait(false);
        var missing = crawl.Problems.Select(p => kept.Contains(p.AccountId)
            ? $"{p}; its files of the last version are kept"
            : $"{p}; it is not in the copy");
        return new CopyRefresh(true, firstStart,
            string.Join("; ", [$"organisation read ({crawl.AccountsRead.Length} accounts), copy version {state.Version}", .. missing]));
    }
}
