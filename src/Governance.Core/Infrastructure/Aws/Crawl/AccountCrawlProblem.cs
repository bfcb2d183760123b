using Governance.Core.Infrastructure.Aws.Organizations;

namespace Governance.Core.Infrastructure.Aws.Crawl;

/// <summary>An account the crawl could not read, and so left out of the snapshot.</summary>
/// <param name="AccountId">The account's id.</param>
/// <param name="AccountName">The account's name in the organisation, when it is one of its accounts.</param>
/// <param name="Reason">Why, for a person.</param>
/// <param name="Error">The AWS call that failed, when one did.</param>
public sealed record AccountCrawlProblem(string AccountId, string? AccountName, string Reason, AwsCallError? Error = null)
{
    /// <summary>One line: the account, its name and the reason.</summary>
    public override string ToString() => AccountName is { } name ? $"account {AccountId} ({name}): {Reason}" : $"account {AccountId}: {Reason}";
}
