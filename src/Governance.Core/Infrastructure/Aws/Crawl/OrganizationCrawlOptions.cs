using System.Collections.Immutable;

namespace Governance.Core.Infrastructure.Aws.Crawl;

/// <summary>What to crawl, as whom, and how.</summary>
/// <param name="Connection">The caller's region and profile; unset, the SDK's usual sources decide (region <c>us-east-1</c> when none does).</param>
/// <param name="Environment">The <c>AWS_*</c> variables: credentials, region and endpoints.</param>
/// <param name="Time">The clock that dates the signatures of the calls signed here.</param>
public sealed record OrganizationCrawlOptions(AwsConnection Connection, AwsEnvironment Environment, TimeProvider Time)
{
    /// <summary>The role assumed in each member account when none is named.</summary>
    public const string DefaultMemberRole = "OrganizationAccountAccessRole";

    /// <summary>The default bound on accounts read at once.</summary>
    public const int DefaultMaxParallel = 4;

    /// <summary>The role assumed in each member account (name, or <c>path/name</c>); a read-only role in practice.</summary>
    public string MemberRoleName { get; init; } = DefaultMemberRole;

    /// <summary>The accounts to read; empty for all. <c>organization.json</c> lists every account either way.</summary>
    public ImmutableArray<string> Accounts { get; init; } = [];

    /// <summary>How many accounts are read at once.</summary>
    public int MaxParallel { get; init; } = DefaultMaxParallel;

    /// <summary>The role session's name, which CloudTrail records on every call the crawl makes in a member account.</summary>
    public string SessionName { get; init; } = "iamgov-snapshot";
}
