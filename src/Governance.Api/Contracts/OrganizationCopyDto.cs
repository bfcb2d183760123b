using Governance.Core.OrganizationCopy;

namespace Governance.Api.Contracts;

/// <summary>
/// What the service's answers are computed from: the organisation copy's newest version, each account and what of it
/// the copy holds, and what reading it warned about. Where the picture is partial (an account whose IAM or resource
/// policies are not in the copy, resource policies unknown altogether), this says so.
/// </summary>
/// <param name="Version">The copy's version number; it grows with every grant, revocation and refresh.</param>
/// <param name="CreatedAt">When that version was written.</param>
/// <param name="Reason">Why it was written.</param>
/// <param name="OrganizationId">The organisation's id; null for a single account's copy.</param>
/// <param name="ManagementAccountId">The management account, which SCPs and RCPs do not restrict; null for a single account's copy.</param>
/// <param name="ResourcePoliciesKnown">False for a single account's IAM: no SCP, RCP or resource policy is part of any answer then.</param>
/// <param name="Accounts">Every account the copy knows, members and outside accounts.</param>
/// <param name="Warnings">What reading the copy warned about, each naming its file and place.</param>
internal sealed record OrganizationCopyDto(long Version, DateTimeOffset CreatedAt, string Reason, string? OrganizationId, string? ManagementAccountId,
    bool ResourcePoliciesKnown, IReadOnlyList<OrganizationCopyDto.AccountDto> Accounts, IReadOnlyList<string> Warnings)
{
    public static OrganizationCopyDto From(OrganizationState state)
    {
        var snapshot = state.Snapshot;
        var ids = snapshot.Accounts.Select(static a => a.Id).Concat(snapshot.Contents.Select(static c => c.AccountId))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new(state.Version, state.CreatedAt, state.Reason, snapshot.Organization?.Id, snapshot.Organization?.ManagementAccountId,
            snapshot.ResourcePoliciesKnown,
            [.. ids.Select(id => new AccountDto(id, snapshot.FindAccount(id)?.Name, snapshot.IsInOrganization(id),
                snapshot.ContentsOf(id)?.Iam is not null, snapshot.ContentsOf(id)?.Resources is not null))],
            [.. state.Warnings.Select(static w => w.ToString())]);
    }

    /// <summary>One account.</summary>
    /// <param name="Id">Its id.</param>
    /// <param name="Name">Its name in the organisation; null for an outside account.</param>
    /// <param name="Member">True for a member of the organisation; false for an outside account whose IAM the copy holds.</param>
    /// <param name="Iam">True when the copy holds its IAM.</param>
    /// <param name="Resources">True when the copy holds its resource policies.</param>
    public sealed record AccountDto(string Id, string? Name, bool Member, bool Iam, bool Resources);
}
