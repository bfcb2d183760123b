using Governance.Core.Identity;
using Governance.Core.Results;

namespace Governance.Core.Workflow.Grants;

/// <summary>Who may end a grant early, and why not: the one owner of the rule.</summary>
public static class GrantRevocationRules
{
    /// <summary>Why <paramref name="actor"/> may not revoke <paramref name="grant"/>; null when they may.</summary>
    /// <remarks>
    /// Approvers and admins may revoke any grant; the grant's requester may give up their own access early. Anyone else is
    /// told the grant does not exist, as when they read it: they may not learn of other people's grants.
    /// </remarks>
    public static GovernanceError? WhyNotRevoke(Grant grant, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(actor);
        return actor.CanDecide || string.Equals(grant.RequesterId, actor.Id, StringComparison.Ordinal)
            ? null
            : GrantService.NotFound(grant.Id);
    }
}
