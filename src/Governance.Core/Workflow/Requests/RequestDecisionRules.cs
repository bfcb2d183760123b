using Governance.Core.Identity;
using Governance.Core.Results;

namespace Governance.Core.Workflow.Requests;

/// <summary>
/// Who may approve, deny or cancel an access request, and why not: the one owner of these rules.
/// </summary>
/// <remarks>
/// The API's <c>NotOwnRequestHandler</c> asks <see cref="WhyNotDecide"/> so that a self-decision is refused as
/// resource-based authorization (403) before anything is written; <c>AccessRequestService</c> asks again under
/// its write lock, so a caller that skips the handler is refused with the same error.
/// </remarks>
public static class RequestDecisionRules
{
    /// <summary>Why <paramref name="deciderId"/> may not approve or deny <paramref name="request"/>; null when they may.</summary>
    /// <remarks>A requester never decides their own request, whatever roles they hold: a second person always does.</remarks>
    public static GovernanceError? WhyNotDecide(AccessRequest request, string deciderId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(request.RequesterId, deciderId, StringComparison.Ordinal)
            ? GovernanceError.Forbidden(ProblemCodes.SelfDecision, "a requester never decides their own request")
            : null;
    }

    /// <summary>Why <paramref name="approverId"/> may not approve <paramref name="request"/>; null when they may.</summary>
    /// <remarks>As <see cref="WhyNotDecide"/>; and an approver counts once, so a second approval must come from another.</remarks>
    public static GovernanceError? WhyNotApprove(AccessRequest request, string approverId)
    {
        if (WhyNotDecide(request, approverId) is { } refused)
        {
            return refused;
        }
        return request.HasApproved(approverId)
            ? GovernanceError.Conflict(ProblemCodes.AlreadyApproved, "you have already approved this request; another approver must decide")
            : null;
    }

    /// <summary>Why <paramref name="actor"/> may not cancel <paramref name="request"/>; null when they may: its requester, or an admin.</summary>
    public static GovernanceError? WhyNotCancel(AccessRequest request, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        return string.Equals(request.RequesterId, actor.Id, StringComparison.Ordinal) || actor.IsIn(Roles.Admin)
            ? null
            : GovernanceError.Forbidden(ProblemCodes.NotRequester, "only the requester or an admin cancels a request");
    }
}
