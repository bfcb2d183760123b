using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Problems;
using Governance.Core.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Endpoints;

/// <summary>Whose requests and grants a listing shows: the one rule for <c>GET /v1/access-requests</c> and <c>GET /v1/grants</c>.</summary>
internal static class ListingRequester
{
    /// <summary>
    /// Approvers and admins list anyone's (<paramref name="requester"/>, or everyone's); engineers list their own. An
    /// engineer naming someone else is refused, rather than shown their own list under another's name.
    /// </summary>
    public static (string? Filter, ProblemHttpResult? Refused) For(ClaimsPrincipal user, string? requester)
    {
        if (user.CanDecide())
        {
            return (requester, null);
        }
        var own = user.SubjectId();
        return requester is null || string.Equals(requester, own, StringComparison.Ordinal)
            ? (own, null)
            : (null, GovernanceError.Forbidden(ProblemCodes.OtherRequesterListed,
                $"engineers list only their own requests and grants; `requester={requester}` names someone else").ToProblem());
    }
}
