using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.SecurityToken;
using Governance.Core.Accounts.Organization;
using Governance.Core.Infrastructure.Aws.Iam;
using Governance.Core.Infrastructure.Aws.Organizations;

namespace Governance.Core.Infrastructure.Aws.Crawl;

/// <summary>
/// Reads a live organisation into an organisation snapshot's files (<see cref="OrganizationFiles"/>): the organisation from
/// AWS Organizations, then each account's IAM (<c>GetAccountAuthorizationDetails</c>), buckets and KMS keys, through a role
/// it assumes there; the management account with the caller's own credentials.
/// </summary>
/// <remarks>
/// Accounts are read in parallel, at most <see cref="OrganizationCrawlOptions.MaxParallel"/> at once. An account that
/// cannot be read in full is left out and named with the reason in <see cref="OrganizationCrawl.Problems"/>, never
/// silently; a failure to read the organisation itself is <see cref="OrganizationCrawl.Failure"/>, and nothing else is then
/// read. No exception leaves the crawl for anything AWS or the environment does (cancellation apart).
/// </remarks>
public static partial class OrganizationCrawler
{
    /// <summary>Crawls the organisation the caller's credentials can read.</summary>
    /// <exception cref="ArgumentException">The options name an invalid role, account id or bound.</exception>
    public static async Task<OrganizationCrawl> CrawlAsync(OrganizationCrawlOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(options);
        var environment = options.Environment;
        var region = AwsRegion.Resolve(options.Connection, environment) ?? "us-east-1";
        var configs = new SdkClientConfigs(environment);
        var (orgsEndpoint, orgsEndpointError) = OrganizationsEndpoint.Resolve(region, environment);
        var (iamEndpoint, iamEndpointError) = IamEndpoint.Resolve(options.Connection with { Region = region }, environment);
        if ((orgsEndpointError ?? iamEndpointError ?? configs.Check()) is { } endpointError)
        {
            return Failed(new AwsCallError("AWS", "configuration", "InvalidEndpoint", endpointError));
        }
        var (caller, credentialsError) = AwsCredentialSource.Resolve(options.Connection.Profile, environment);
        if (caller is null)
        {
            return Failed(new AwsCallError("AWS", "credentials", "NoCredentials", credentialsError!));
        }

        // Redirects are never followed: a followed redirect would replay a signature to another address.
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var structure = await OrganizationStructureReader.ReadAsync(new OrganizationsClient(http, orgsEndpoint!, caller, options.Time), cancellationToken)
            .ConfigureAwait(false);
        if (!structure.Success)
        {
            return Failed(structure.Error);
        }
        var organization = structure.Value;
        var files = OrganizationFiles.Empty.With(OrganizationSnapshotReader.OrganizationFileName, SnapshotJson.Serialize(organization.Document));

        var problems = new ConcurrentBag<AccountCrawlProblem>();
        var members = organization.Accounts.ToDictionary(static a => a.Id, StringComparer.Ordinal);
        foreach (var unknown in options.Accounts.Where(id => !members.ContainsKey(id)))
        {
            problems.Add(new AccountCrawlProblem(unknown, null, "not an account of the organisation; nothing was read for it"));
        }
        var wanted = options.Accounts.IsEmpty
            ? organization.Accounts
            : [.. organization.Accounts.Where(a => options.Accounts.Contains(a.Id, StringComparer.Ordinal))];
        var readable = new List<OrganizationMember>();
        foreach (var member in wanted)
        {
            if (member.Status is "ACTIVE" or "")
            {
                readable.Add(member);
            }
            else
            {
                problems.Add(new AccountCrawlProblem(member.Id, member.Name, $"its status is `{member.Status}`; only active accounts are read"));
            }
        }

        var partition = RegionEndpoint.GetBySystemName(region).PartitionName;
        var read = new ConcurrentDictionary<string, (byte[] Iam, byte[] Resources)>(StringComparer.Ordinal);
        using var sts = new AmazonSecurityTokenServiceClient(caller, configs.Sts(region));
        var account = new AccountReader(options, http, iamEndpoint!, configs, sts, caller, organization.ManagementAccountId, region, partition);
        await Parallel.ForEachAsync(readable, new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallel, CancellationToken = cancellationToken },
            async (member, token) =>
            {
                var (content, problem) = await account.ReadAsync(member, token).ConfigureAwait(false);
                if (content is { } c)
                {
                    read[member.Id] = c;
                }
                else
                {
                    problems.Add(problem!);
                }
            }).ConfigureAwait(false);

        var accountsRead = ImmutableArray.CreateBuilder<string>();
        foreach (var member in readable.Where(m => read.ContainsKey(m.Id)))
        {
            var (iam, resources) = read[member.Id];
            files = files.With(OrganizationFiles.AccountFile(member.Id, OrganizationSnapshotReader.AuthorizationDetailsFileName), iam)
                .With(OrganizationFiles.AccountFile(member.Id, OrganizationSnapshotReader.ResourcesFileName), resources);
            accountsRead.Add(member.Id);
        }
        var order = organization.Accounts.Select(static (a, i) => (a.Id, i)).ToDictionary(static p => p.Id, static p => p.i, StringComparer.Ordinal);
        var sorted = problems.OrderBy(p => order.GetValueOrDefault(p.AccountId, int.MaxValue)).ThenBy(static p => p.AccountId, StringComparer.Ordinal);
        return new OrganizationCrawl(files, [.. sorted], null, accountsRead.ToImmutable());
    }

    private static void Check(OrganizationCrawlOptions options)
    {
        if (options.MaxParallel < 1)
        {
            throw new ArgumentException($"at most {options.MaxParallel} accounts at once: give 1 or more", nameof(options));
        }
        if (!RoleName().IsMatch(options.MemberRoleName))
        {
            throw new ArgumentException($"`{options.MemberRoleName}` is not a role name: letters, digits and +=,.@_- (a path may lead with /)", nameof(options));
        }
        if (options.Accounts.FirstOrDefault(static id => id.Length != 12 || !id.All(char.IsAsciiDigit)) is { } bad)
        {
            throw new ArgumentException($"`{bad}` is not a 12-digit account id", nameof(options));
        }
    }

    private static OrganizationCrawl Failed(AwsCallError error) => new(OrganizationFiles.Empty, [], error, []);

    // IAM role names, optionally behind a path: path/name.
    [GeneratedRegex(@"^([\w+=,.@-]+/)*[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleName();
}
