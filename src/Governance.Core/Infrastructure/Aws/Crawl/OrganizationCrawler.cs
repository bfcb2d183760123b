using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using Governance.Core.Infrastructure.Aws.Iam;
using Governance.Core.Infrastructure.Aws.Organizations;
using Governance.Core.Infrastructure.Aws.Snapshot;

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
    // Files are data for other tools: policy text stays as written (no \u0022 for quotes, no \u002B for plus), as the AWS CLI prints it.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        var files = OrganizationFiles.Empty.With(OrganizationSnapshotReader.OrganizationFileName, Serialize(organization.Document));

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
        var account = new AccountCrawl(options, http, iamEndpoint!, configs, sts, caller, organization.ManagementAccountId, region, partition);
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

    private static byte[] Serialize(JsonObject json) => Encoding.UTF8.GetBytes(json.ToJsonString(Indented) + "\n");

    // IAM role names, optionally behind a path: path/name.
    [GeneratedRegex(@"^([\w+=,.@-]+/)*[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleName();

    /// <summary>Reads one account: credentials in it, its IAM, its resources.</summary>
    private sealed record AccountCrawl(OrganizationCrawlOptions Options, HttpClient Http, IamEndpoint IamEndpoint, SdkClientConfigs Configs,
        IAmazonSecurityTokenService Sts, AWSCredentials Caller, string ManagementAccountId, string Region, string Partition)
    {
        public async Task<((byte[] Iam, byte[] Resources)? Content, AccountCrawlProblem? Problem)> ReadAsync(OrganizationMember member,
            CancellationToken cancellationToken)
        {
            AWSCredentials credentials;
            if (member.Id == ManagementAccountId)
            {
                credentials = Caller;
            }
            else
            {
                var roleArn = $"arn:{Partition}:iam::{member.Id}:role/{Options.MemberRoleName}";
                var (assumed, error) = await MemberAccountSession.AssumeAsync(Sts, roleArn, Options.SessionName, cancellationToken).ConfigureAwait(false);
                if (assumed is null)
                {
                    return (null, new AccountCrawlProblem(member.Id, member.Name, $"cannot assume `{roleArn}`: {error!.Describe()}", error));
                }
                credentials = assumed;
            }

            var fetch = await AccountSnapshotFetcher.FetchAsync(new IamClient(Http, IamEndpoint, credentials, Options.Time), cancellationToken)
                .ConfigureAwait(false);
            if (!fetch.Success)
            {
                var error = fetch.Error is { } e ? new AwsCallError("IAM", e.Action, e.Code, e.Message, e.RequestId, e.HttpStatus) : null;
                return (null, new AccountCrawlProblem(member.Id, member.Name, $"its IAM cannot be read: {fetch.Describe()}", error));
            }
            var iam = Serialize(fetch.Snapshot!);
            // The credentials decide which account answers; a role in another account would put its IAM in this folder.
            var owners = AccountSnapshotReader.Read(fetch.Snapshot!.ToJsonString()).Snapshot?.AccountIds.Where(a => a != member.Id).ToArray() ?? [];
            if (owners.Length > 0)
            {
                return (null, new AccountCrawlProblem(member.Id, member.Name,
                    $"the IAM read with its credentials belongs to {string.Join(", ", owners.Select(static o => $"`{o}`"))}, not to this account"));
            }

            using var resources = new AccountResourcesReader(credentials, Configs, Region);
            var (json, resourcesError) = await resources.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (json is null)
            {
                return (null, new AccountCrawlProblem(member.Id, member.Name, $"its resources cannot be read: {resourcesError!.Describe()}", resourcesError));
            }
            return ((iam, Serialize(json)), null);
        }
    }
}
