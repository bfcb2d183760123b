using Governance.Core.Results;
using Governance.Core.Workflow.Grants;

namespace Governance.Core.Workflow.Credentials;

/// <summary>Who gets credentials for a grant, and why not: the one owner of the rule.</summary>
/// <remarks>
/// The API's <c>GrantRequesterHandler</c> asks it to answer 403 as resource-based authorization;
/// <c>GrantCredentialService</c> asks again, so a caller that skips the handler is refused with the same error.
/// </remarks>
public static class CredentialRules
{
    /// <summary>Why <paramref name="actorId"/> may not have credentials for <paramref name="grant"/>; null when they may.</summary>
    /// <remarks>
    /// Only the grant's requester, approvers and admins included: every session of a grant acts for the person the
    /// approvals were about.
    /// </remarks>
    public static GovernanceError? WhyNotIssue(Grant grant, string actorId)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return string.Equals(grant.RequesterId, actorId, StringComparison.Ordinal)
            ? null
            : GovernanceError.Forbidden(ProblemCodes.NotGrantRequester, "only the grant's requester gets credentials for it");
    }
}
