using System.Security.Claims;
using Governance.Core.Results;
using Governance.Core.Workflow.Requests;
using Microsoft.AspNetCore.Authorization;

namespace Governance.Api.Auth;

/// <summary>
/// The resource rules of an access request, asked by the JSON API and the console alike: who may see it
/// (<see cref="CanViewRequestRequirement"/>) and who may decide on it (<see cref="NotOwnRequestRequirement"/>).
/// </summary>
internal static class RequestAccessRules
{
    /// <summary>True when <paramref name="user"/> may see <paramref name="request"/>: it is theirs, or they approve or administer.</summary>
    public static async Task<bool> CanViewAsync(IAuthorizationService authorization, ClaimsPrincipal user, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(request);
        return (await authorization.AuthorizeAsync(user, new RequesterOf(request.RequesterId), CanViewRequestRequirement.Instance)).Succeeded;
    }

    /// <summary>Why <paramref name="user"/> may not approve or deny <paramref name="request"/>, as <see cref="NotOwnRequestHandler"/> says; null when they may.</summary>
    public static async Task<GovernanceError?> WhyNotDecideAsync(IAuthorizationService authorization, ClaimsPrincipal user, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var notOwn = await authorization.AuthorizeAsync(user, request, NotOwnRequestRequirement.Instance);
        return notOwn.Succeeded ? null : RefusalReason.Of(notOwn);
    }

    /// <summary>
    /// The check a decision hands to <see cref="AccessRequestService"/>, asked on the request as read under its write lock:
    /// a request the caller may not see is not found; one they requested is not theirs to approve or deny
    /// (<paramref name="decides"/>; a cancellation is not a decision).
    /// </summary>
    public static Func<AccessRequest, Task<GovernanceError?>> ForDecision(IAuthorizationService authorization, ClaimsPrincipal user, bool decides)
        => async request =>
        {
            if (!await CanViewAsync(authorization, user, request))
            {
                return AccessRequestService.NotFound(request.Id);
            }
            return decides ? await WhyNotDecideAsync(authorization, user, request) : null;
        };
}
