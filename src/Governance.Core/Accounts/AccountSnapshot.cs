using System.Collections.Immutable;
using PolicyEngine.Model;

namespace Governance.Core.Accounts;

/// <summary>
/// One account's IAM state, as <c>aws iam get-account-authorization-details</c> prints it: users, groups, roles
/// and managed policies with their documents.
/// </summary>
/// <param name="Users">Every user.</param>
/// <param name="Groups">Every group.</param>
/// <param name="Roles">Every role.</param>
/// <param name="Policies">Managed policies, customer and (when the export includes them) AWS managed.</param>
public sealed record AccountSnapshot(
    ImmutableArray<IamUser> Users,
    ImmutableArray<IamGroup> Groups,
    ImmutableArray<IamRole> Roles,
    ImmutableArray<ManagedPolicy> Policies)
{
    /// <summary>The account ids that the snapshot's principals belong to (an export can span several).</summary>
    public IEnumerable<string> AccountIds => Users.Select(static u => u.Arn).Concat(Roles.Select(static r => r.Arn)).Concat(Groups.Select(static g => g.Arn))
        .Select(AccountOf).Where(static a => a.Length > 0).Distinct(StringComparer.Ordinal);

    /// <summary>The account id field of an ARN, or empty when it has none.</summary>
    public static string AccountOf(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        return Arn.TryParse(arn, out var parsed) ? parsed.Account : string.Empty;
    }
}
