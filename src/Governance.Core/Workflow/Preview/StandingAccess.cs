using Governance.Core.Accounts;
using Governance.Core.Accounts.Questions;
using Governance.Core.OrganizationCopy;
using Governance.Core.Workflow.Grants;

namespace Governance.Core.Workflow.Preview;

/// <summary>
/// The organisation with the target role's own standing access only: the inline policies of its grants taken away.
/// </summary>
/// <remarks>
/// A grant is previewed against what the role has for good, not against other grants, which end on their own: a
/// second request for access a grant already gives would otherwise show an empty preview, need fewer approvals, and
/// outlive the grant that hid it. Other roles keep their grants: they change this role's access only through chains
/// the preview reads as they are now.
/// </remarks>
/// <param name="Authorizer">Decides against the organisation without the role's grants.</param>
/// <param name="Role">The role without its grants.</param>
internal sealed record StandingAccess(OrganizationAuthorizer Authorizer, ResolvedPrincipal Role)
{
    /// <summary>The account state the authorizer decides from.</summary>
    public AccountState State => Authorizer.Accounts.State;

    /// <summary><paramref name="role"/>'s standing access in <paramref name="organization"/>: the same objects when it holds no grant.</summary>
    public static StandingAccess Of(OrganizationState organization, ResolvedPrincipal role)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(role);
        var iam = organization.Snapshot.ContentsOf(role.AccountId)?.Iam;
        if (iam is null || !iam.Roles.Any(r => IsRole(r, role) && r.InlinePolicies.Any(static p => Grant.IsPolicyName(p.PolicyName))))
        {
            return new(organization.Authorizer, role);
        }
        var standing = new OrganizationAuthorizer(organization.Snapshot.WithAccountIam(role.AccountId, iam with
        {
            Roles = [.. iam.Roles.Select(r => IsRole(r, role) ? r with { InlinePolicies = r.InlinePolicies.RemoveAll(static p => Grant.IsPolicyName(p.PolicyName)) } : r)],
        }));
        return new(standing, standing.Find(role.Arn).Principal ?? role);
    }

    private static bool IsRole(IamRole candidate, ResolvedPrincipal role) => string.Equals(candidate.Arn, role.Arn, StringComparison.Ordinal);
}
