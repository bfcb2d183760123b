using Governance.Api.OpenApi;
using Governance.Core.Results;
using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Api.Problems;
using Governance.Core.Accounts;
using Governance.Core.Workflow.Grants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Endpoints;

/// <summary><c>/v1/grants</c>: list, read, revoke.</summary>
internal static class GrantEndpoints
{
    public static RouteGroupBuilder MapGrants(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/grants").WithTags("Grants").RequireAuthorization(AuthorizationPolicies.Member)
            .Refuses(StatusCodes.Status503ServiceUnavailable, ProblemCodes.DatabaseUnavailable);
        group.MapGet("/", ListAsync).WithName("ListGrants").WithSummary("List grants, newest start first")
            .WithQueryValues<RouteHandlerBuilder, GrantStatus>("status").Refuses(StatusCodes.Status403Forbidden, ProblemCodes.OtherRequesterListed);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetGrant").WithSummary("Read a grant")
            .Refuses(StatusCodes.Status404NotFound, ProblemCodes.GrantNotFound);
        // Members: approvers and admins revoke any grant, a requester ends their own early (GrantRevocationRules, asked by the service).
        group.MapPost("/{id:guid}/revoke", RevokeAsync).WithName("RevokeGrant").WithSummary("Revoke an active grant")
            .Refuses(StatusCodes.Status404NotFound, ProblemCodes.GrantNotFound)
            .Refuses(StatusCodes.Status409Conflict, ProblemCodes.GrantNotActive, ProblemCodes.ConcurrentChange)
            .Refuses(StatusCodes.Status500InternalServerError, ProblemCodes.RevocationFailed);
        return group;
    }

    [ListOrder(ListOrders.Grants)]
    public static async Task<Results<Ok<PageDto<GrantDto>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, [AsParameters] GrantServices services, string? status, string? targetRole, string? requester,
        string? page, string? pageSize, CancellationToken cancellationToken)
    {
        if (Paging.TryParse(page, pageSize, out var paging) is { } bad)
        {
            return bad;
        }
        var query = services.Db.Grants.AsNoTracking();
        if (status is not null)
        {
            if (StatusFilter.TryParse<GrantStatus>(status, out var s) is { } unknown)
            {
                return unknown;
            }
            query = query.Where(g => g.Status == s);
        }
        var (requesterFilter, refused) = ListingRequester.For(user, requester);
        if (refused is not null)
        {
            return refused;
        }
        if (requesterFilter is not null)
        {
            query = query.Where(g => g.RequesterId == requesterFilter);
        }
        if (targetRole is not null)
        {
            if (ArnText.WhyNot(targetRole, "targetRole") is { } notRole)
            {
                return ProblemMapping.Invalid("targetRole", notRole);
            }
            query = query.Where(g => g.TargetRoleName == targetRole || g.TargetRoleArn == targetRole);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(static g => g.StartsAt).ThenByDescending(static g => g.Id)
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageDto<GrantDto>([.. items.Select(GrantDto.From)], paging.Page, paging.Size, total));
    }

    public static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, [AsParameters] GrantServices services, CancellationToken cancellationToken)
    {
        var grant = await services.Db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (grant is null)
        {
            return GrantService.NotFound(id).ToProblem();
        }
        if (!(await services.Authorization.AuthorizeAsync(user, new RequesterOf(grant.RequesterId), CanViewRequestRequirement.Instance)).Succeeded)
        {
            return GrantService.NotFound(id).ToProblem();
        }
        return TypedResults.Ok(GrantDto.From(grant));
    }

    public static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> RevokeAsync(
        Guid id, DecisionDto? body, ClaimsPrincipal user, [AsParameters] GrantServices services, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        var outcome = await services.Grants.RevokeAsync(actor, id, body?.Comment, cancellationToken);
        if (!outcome.Success)
        {
            services.Logger.OperationRefused("revoke", outcome.Error.Code);
            return outcome.Error.ToProblem();
        }
        services.Logger.GrantRevoked(id, actor.Id);
        return TypedResults.Ok(GrantDto.From(outcome.Value));
    }
}
