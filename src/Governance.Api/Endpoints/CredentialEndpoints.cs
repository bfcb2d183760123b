using Governance.Api.OpenApi;
using Governance.Core.Results;
using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Api.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Endpoints;

/// <summary><c>POST /v1/grants/{id}/credentials</c>: short-lived AWS credentials for an active grant, for its requester.</summary>
internal static class CredentialEndpoints
{
    public static RouteGroupBuilder MapGrantCredentials(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/grants").WithTags("Grants").RequireAuthorization(AuthorizationPolicies.Member);
        group.MapPost("/{id:guid}/credentials", IssueAsync).WithName("IssueGrantCredentials").WithSummary("Get short-lived AWS credentials for one's active grant")
            .Refuses(StatusCodes.Status403Forbidden, ProblemCodes.NotGrantRequester).Refuses(StatusCodes.Status404NotFound, ProblemCodes.GrantNotFound)
            .Refuses(StatusCodes.Status409Conflict, ProblemCodes.GrantNotActive, ProblemCodes.GrantExpired, ProblemCodes.SourceIdentityInvalid,
                ProblemCodes.SessionPolicyTooLarge)
            .Refuses(StatusCodes.Status502BadGateway, ProblemCodes.StsAccessDenied, ProblemCodes.StsMalformedPolicy, ProblemCodes.StsPackedPolicyTooLarge,
                ProblemCodes.StsRegionDisabled, ProblemCodes.StsExpiredToken, ProblemCodes.StsIncompleteResponse, ProblemCodes.StsError)
            .Refuses(StatusCodes.Status503ServiceUnavailable, ProblemCodes.AwsNotConfigured, ProblemCodes.AwsNotReady, ProblemCodes.StsUnreachable,
                ProblemCodes.StsThrottled, ProblemCodes.DatabaseUnavailable);
        return group;
    }

    /// <remarks>A POST: every call assumes the role anew and is audited. The answer is marked <c>no-store</c>, as it
    /// holds a secret.</remarks>
    public static async Task<Results<Ok<GrantCredentialsDto>, ProblemHttpResult>> IssueAsync(
        Guid id, ClaimsPrincipal user, HttpResponse response, [AsParameters] CredentialServices services, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        // The service reads the grant once and asks the requester rule's handler on it, before its own checks.
        var outcome = await services.Credentials.IssueAsync(actor, id, async grant =>
        {
            var requester = await services.Authorization.AuthorizeAsync(user, grant, GrantRequesterRequirement.Instance);
            return requester.Succeeded ? null : RefusalReason.Of(requester);
        }, cancellationToken);
        if (!outcome.Success)
        {
            services.Logger.OperationRefused("credentials", outcome.Error.Code);
            return outcome.Error.ToProblem();
        }
        var issued = outcome.Value;
        services.Logger.CredentialsIssued(id, actor.Id, issued.Session.RoleSessionName, issued.Credentials.StsRequestId, issued.Expiration);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(GrantCredentialsDto.From(issued));
    }
}
