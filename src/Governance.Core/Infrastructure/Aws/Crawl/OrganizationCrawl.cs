using System.Collections.Immutable;
using Governance.Core.Accounts.Organization;
using Governance.Core.Infrastructure.Aws.Organizations;

namespace Governance.Core.Infrastructure.Aws.Crawl;

/// <summary>What a crawl read: the snapshot's files, and each account it could not read.</summary>
/// <param name="Files"><c>organization.json</c> and, for each account read, its <c>authorization-details.json</c> and <c>resources.json</c>; empty when the organisation could not be read.</param>
/// <param name="Problems">Each account asked for that was not read, and why; those accounts have no files.</param>
/// <param name="Failure">Why the organisation itself could not be read (nothing else was then read), or null.</param>
/// <param name="AccountsRead">The ids of the accounts read, in order.</param>
public sealed record OrganizationCrawl(OrganizationFiles Files, ImmutableArray<AccountCrawlProblem> Problems, AwsCallError? Failure,
    ImmutableArray<string> AccountsRead)
{
    /// <summary>True when the organisation and every account asked for were read.</summary>
    public bool Complete => Failure is null && Problems.IsEmpty;
}
