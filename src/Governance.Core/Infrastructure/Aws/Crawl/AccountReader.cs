using Amazon.Runtime;
using Amazon.SecurityToken;
using Governance.Core.Accounts;
using Governance.Core.Infrastructure.Aws.Iam;
using Governance.Core.Infrastructure.Aws.Organizations;
using Governance.Core.Infrastructure.Aws.Snapshot;

namespace Governance.Core.Infrastructure.Aws.Crawl;

/// <summary>Reads one account of the crawl: credentials in it, its IAM, its resources.</summary>
internal sealed record AccountReader(OrganizationCrawlOptions Options, HttpClient Http, IamEndpoint IamEndpoint, SdkClientConfigs Configs,
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
        var iam = SnapshotJson.Serialize(fetch.Snapshot!);
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
        // Topics and queues in the same regions as the keys: the crawl's and the buckets'.
        var (other, otherError) = await new MessagingPoliciesReader(Http, Configs, credentials, Options.Time).ReadAsync(resources.Regions, cancellationToken)
            .ConfigureAwait(false);
        if (other is null)
        {
            return (null, new AccountCrawlProblem(member.Id, member.Name, $"its resources cannot be read: {otherError!.Describe()}", otherError));
        }
        json["Other"] = other;
        return ((iam, SnapshotJson.Serialize(json)), null);
    }
}
