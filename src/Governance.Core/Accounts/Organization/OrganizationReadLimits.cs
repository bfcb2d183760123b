namespace Governance.Core.Accounts.Organization;

/// <summary>Bounds on what <see cref="OrganizationSnapshotReader"/> reads, so that hostile or broken input gets an error instead of exhausting memory.</summary>
/// <remarks>
/// The defaults sit above AWS's own quotas (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html):
/// an organisation has one root, at most 2,000 OUs nested at most five deep, 10,000 SCPs and 1,000 RCPs of at most
/// 5,120 characters each, and up to tens of thousands of accounts; a bucket policy is at most 20 KB, a key policy 32 KB.
/// </remarks>
/// <param name="MaxOrganizationBytes">The largest <c>organization.json</c>.</param>
/// <param name="MaxAuthorizationDetailsBytes">The largest <c>authorization-details.json</c> (and single-account file).</param>
/// <param name="MaxResourcesBytes">The largest <c>resources.json</c>.</param>
/// <param name="MaxTotalBytes">The most bytes read over all files of one snapshot.</param>
/// <param name="MaxAccounts">The most accounts listed in <c>organization.json</c>, and the most account folders.</param>
/// <param name="MaxOrganizationalUnits">The most OUs.</param>
/// <param name="MaxPolicies">The most policies listed.</param>
/// <param name="MaxOuDepth">The deepest nesting of OUs under the root; AWS allows five.</param>
/// <param name="MaxJsonDepth">The deepest nesting of JSON objects and arrays.</param>
/// <param name="MaxPolicyCharacters">The longest policy document.</param>
/// <param name="MaxNameCharacters">The longest id, name, ARN or other short string.</param>
/// <param name="MaxProblems">The most errors (and, separately, warnings) reported; the rest are counted.</param>
public sealed record OrganizationReadLimits(
    int MaxOrganizationBytes,
    long MaxAuthorizationDetailsBytes,
    int MaxResourcesBytes,
    long MaxTotalBytes,
    int MaxAccounts,
    int MaxOrganizationalUnits,
    int MaxPolicies,
    int MaxOuDepth,
    int MaxJsonDepth,
    int MaxPolicyCharacters,
    int MaxNameCharacters,
    int MaxProblems)
{
    /// <summary>Bounds for real organisations: generous beside AWS's quotas, far below what would exhaust a machine.</summary>
    public static OrganizationReadLimits Default { get; } = new(
        MaxOrganizationBytes: 64 << 20,
        MaxAuthorizationDetailsBytes: AccountSnapshotReader.MaxBytes,
        MaxResourcesBytes: 128 << 20,
        MaxTotalBytes: 4L << 30,
        MaxAccounts: 50_000,
        MaxOrganizationalUnits: 10_000,
        MaxPolicies: 20_000,
        MaxOuDepth: 5,
        MaxJsonDepth: 64,
        MaxPolicyCharacters: 1 << 20,
        MaxNameCharacters: 2_048,
        MaxProblems: 1_000);
}
