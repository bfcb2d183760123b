using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Api.Problems;
using Governance.Core.Results;
using Governance.Core.Workflow.Grants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Endpoints;

/// <summary><c>POST /v1/grants/{id}/credentials</c>: short-lived AWS credentials for an active grant, for its requester.</summary>
internal static class CredentialEndpoints
{
    public static RouteGroupBuilder MapGrantCredentials(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/grants").WithTags("Grants").RequireAuthorization(AuthorizationPolicies.Member);
        group.MapPost("/{id:guid}/credentials", IssueAsync);
        return group;
    }

    /// <remarks>A POST: every call assumes the role anew and is audited. The answer is marked <c>no-store</c>, as it
    /// holds a secret.</remarks>
    public static async Task<Results<Ok<GrantCredentialsDto>, ProblemHttpResult>> IssueAsync(
        Guid id, ClaimsPrincipal user, HttpResponse response, [AsParameters] CredentialServices services, CancellationToken cancellationToken)
    {
        var requester = await services.Db.Grants.AsNoTracking().Where(g => g.Id == id).Select(static g => g.RequesterId)
            .FirstOrDefaultAsync(cancellationToken);
        if (requester is null)
        {
            return GrantService.NotFound(id).ToProblem();
        }
        if (!(await services.Authorization.AuthorizeAsync(user, new RequesterOf(requester), GrantRequesterRequirement.Instance)).Succeeded)
        {
            services.Logger.OperationRefused("credentials", ProblemCodes.NotGrantRequester);
            return ProblemMapping.Forbidden(ProblemCodes.NotGrantRequester, "only the grant's requester gets credentials for it");
        }
        var actor = user.ToActor();
        var outcome = await services.Credentials.IssueAsync(actor, id, cancellationToken);
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
