using Governance.Api.OpenApi;
using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Api.Problems;
using Governance.Core.Identity;
using Governance.Core.Results;
using Governance.Core.Workflow.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Governance.Api.Endpoints;

/// <summary><c>/v1/access-requests</c>: submit, list, read, approve, deny, cancel.</summary>
internal static class AccessRequestEndpoints
{
    private const string PreviewTag = "A pending request's preview version, quoted: what an approval names (`If-Match`, or `previewVersion` in the body)";

    public static RouteGroupBuilder MapAccessRequests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/access-requests").WithTags("Access requests").RequireAuthorization(AuthorizationPolicies.Member)
            .Refuses(StatusCodes.Status503ServiceUnavailable, ProblemCodes.DatabaseUnavailable);
        group.MapPost("/", CreateAsync).WithName("SubmitAccessRequest").WithSummary("Submit an access request")
            .SetsHeader(StatusCodes.Status201Created, HeaderNames.ETag, PreviewTag)
            .Refuses(StatusCodes.Status403Forbidden, ProblemCodes.RoleMayNotRequest)
            .Refuses(StatusCodes.Status422UnprocessableEntity, ProblemCodes.RequestAddsNothing)
            .Refuses(StatusCodes.Status429TooManyRequests, ProblemCodes.RequesterLimitReached)
            .Refuses(StatusCodes.Status500InternalServerError, ProblemCodes.ProvisioningFailed);
        group.MapGet("/", ListAsync).WithName("ListAccessRequests").WithSummary("List access requests, newest first")
            .WithQueryValues<RouteHandlerBuilder, AccessRequestStatus>("status").Refuses(StatusCodes.Status403Forbidden, ProblemCodes.OtherRequesterListed);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetAccessRequest").WithSummary("Read an access request and its preview as it stands now")
            .SetsHeader(StatusCodes.Status200OK, HeaderNames.ETag, PreviewTag)
            .Refuses(StatusCodes.Status404NotFound, ProblemCodes.RequestNotFound);
        group.MapPost("/{id:guid}/approve", ApproveAsync).RequireAuthorization(AuthorizationPolicies.Decider)
            .WithName("ApproveAccessRequest").WithSummary("Approve a pending request on the preview read")
            .ReadsHeader(HeaderNames.IfMatch, "The preview version approved, as the request's `ETag` gave it; or `previewVersion` in the body")
            .Refuses(StatusCodes.Status403Forbidden, ProblemCodes.SelfDecision).Refuses(StatusCodes.Status404NotFound, ProblemCodes.RequestNotFound)
            .Refuses(StatusCodes.Status409Conflict, ProblemCodes.RequestNotPending, ProblemCodes.AlreadyApproved, ProblemCodes.ConcurrentDecision,
                ProblemCodes.PreviewChanged, ProblemCodes.PreviewUnavailable)
            .Refuses(StatusCodes.Status422UnprocessableEntity, ProblemCodes.RequestAddsNothing)
            .Refuses(StatusCodes.Status428PreconditionRequired, ProblemCodes.PreviewVersionRequired)
            .Refuses(StatusCodes.Status500InternalServerError, ProblemCodes.ProvisioningFailed);
        group.MapPost("/{id:guid}/deny", DenyAsync).RequireAuthorization(AuthorizationPolicies.Decider)
            .WithName("DenyAccessRequest").WithSummary("Deny a pending request")
            .Refuses(StatusCodes.Status403Forbidden, ProblemCodes.SelfDecision).Refuses(StatusCodes.Status404NotFound, ProblemCodes.RequestNotFound)
            .Refuses(StatusCodes.Status409Conflict, ProblemCodes.RequestNotPending, ProblemCodes.ConcurrentDecision);
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelAccessRequest").WithSummary("Cancel one's own pending request")
            .Refuses(StatusCodes.Status403Forbidden, ProblemCodes.NotRequester).Refuses(StatusCodes.Status404NotFound, ProblemCodes.RequestNotFound)
            .Refuses(StatusCodes.Status409Conflict, ProblemCodes.RequestNotPending, ProblemCodes.ConcurrentDecision);
        return group;
    }

    public static async Task<Results<Created<AccessRequestDto>, ProblemHttpResult>> CreateAsync(
        CreateAccessRequestDto? body, ClaimsPrincipal user, [AsParameters] AccessRequestServices services, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return ProblemMapping.Invalid("body", "expected a JSON object with permissionSet, resources, targetRole, justification and durationHours");
        }
        var actor = user.ToActor();
        var outcome = await services.Requests.CreateAsync(actor,
            new CreateAccessRequestCommand(body.PermissionSet, body.Resources, body.TargetRole, body.Justification, body.DurationHours),
            cancellationToken);
        if (!outcome.Success)
        {
            services.Logger.OperationRefused("submit", outcome.Error.Code);
            return outcome.Error.ToProblem(services.Http);
        }
        var request = outcome.Value;
        services.Logger.RequestSubmitted(request.Id, request.PermissionSet, actor.Id, request.Status);
        SetPreviewTag(services, request.Status, request.PreviewVersion);
        return TypedResults.Created($"/v1/access-requests/{request.Id}", AccessRequestDto.From(request));
    }

    [ListOrder(ListOrders.AccessRequests)]
    public static async Task<Results<Ok<PageDto<AccessRequestDto>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, [AsParameters] AccessRequestServices services, string? status, string? permissionSet, string? requester,
        string? targetRole, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        if (Paging.TryParse(page, pageSize, out var paging) is { } bad)
        {
            return bad;
        }
        var query = services.Db.AccessRequests.AsNoTracking();
        if (status is not null)
        {
            if (StatusFilter.TryParse<AccessRequestStatus>(status, out var s) is { } unknown)
            {
                return unknown;
            }
            query = query.Where(r => r.Status == s);
        }
        var (requesterFilter, refused) = ListingRequester.For(user, requester);
        if (refused is not null)
        {
            return refused;
        }
        if (requesterFilter is not null)
        {
            query = query.Where(r => r.RequesterId == requesterFilter);
        }
        if (permissionSet is not null)
        {
            query = query.Where(r => r.PermissionSet == permissionSet);
        }
        if (targetRole is not null)
        {
            query = query.Where(r => r.TargetRoleName == targetRole || r.TargetRoleArn == targetRole);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(static r => r.CreatedAt).ThenByDescending(static r => r.Id)
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        var reviews = await services.Previews.ReviewAllAsync(items, cancellationToken);
        return TypedResults.Ok(new PageDto<AccessRequestDto>([.. items.Select((r, i) => AccessRequestDto.From(r, reviews[i]))], paging.Page, paging.Size, total));
    }

    /// <remarks>
    /// Another engineer's request answers 404, not 403: whether an id exists is itself not theirs to learn. A pending
    /// request is shown with its preview and approvals as they stand now, and its preview's version as the ETag.
    /// </remarks>
    public static async Task<Results<Ok<AccessRequestDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, [AsParameters] AccessRequestServices services, CancellationToken cancellationToken)
    {
        var request = await services.Db.AccessRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !await RequestAccessRules.CanViewAsync(services.Authorization, user, request))
        {
            return NotFound(id);
        }
        var review = await services.Previews.ReviewAsync(request, cancellationToken);
        SetPreviewTag(services, request.Status, review.PreviewVersion);
        return TypedResults.Ok(AccessRequestDto.From(request, review));
    }

    /// <remarks>The preview approved is named by <c>previewVersion</c> in the body or by <c>If-Match</c>.</remarks>
    public static Task<Results<Ok<AccessRequestDto>, ProblemHttpResult>> ApproveAsync(
        Guid id, DecisionDto? body, ClaimsPrincipal user, [AsParameters] AccessRequestServices services, CancellationToken cancellationToken)
        => DecideAsync(id, user, services, "approved",
            (actor, authorize) => services.Requests.ApproveAsync(actor, id, body?.PreviewVersion ?? IfMatch(services.Http), body?.Comment, authorize,
                cancellationToken), decides: true);

    public static Task<Results<Ok<AccessRequestDto>, ProblemHttpResult>> DenyAsync(
        Guid id, DecisionDto? body, ClaimsPrincipal user, [AsParameters] AccessRequestServices services, CancellationToken cancellationToken)
        => DecideAsync(id, user, services, "denied",
            (actor, authorize) => services.Requests.DenyAsync(actor, id, body?.Comment, authorize, cancellationToken), decides: true);

    public static Task<Results<Ok<AccessRequestDto>, ProblemHttpResult>> CancelAsync(
        Guid id, DecisionDto? body, ClaimsPrincipal user, [AsParameters] AccessRequestServices services, CancellationToken cancellationToken)
        => DecideAsync(id, user, services, "cancelled",
            (actor, authorize) => services.Requests.CancelAsync(actor, id, body?.Comment, authorize, cancellationToken), decides: false);

    /// <remarks>
    /// The service reads the request once, under its write lock, and hands it to <see cref="RequestAccessRules.ForDecision"/>
    /// before its own rules: the resource-based checks see the request the decision applies to.
    /// </remarks>
    private static async Task<Results<Ok<AccessRequestDto>, ProblemHttpResult>> DecideAsync(
        Guid id, ClaimsPrincipal user, AccessRequestServices services, string decision,
        Func<Actor, Func<AccessRequest, Task<GovernanceError?>>, Task<Outcome<AccessRequest>>> decide, bool decides)
    {
        var actor = user.ToActor();
        var outcome = await decide(actor, RequestAccessRules.ForDecision(services.Authorization, user, decides));
        if (!outcome.Success)
        {
            services.Logger.OperationRefused(decision, outcome.Error.Code);
            return outcome.Error.ToProblem();
        }
        services.Logger.RequestDecided(id, decision, actor.Id, outcome.Value.Status);
        return TypedResults.Ok(AccessRequestDto.From(outcome.Value));
    }

    private static ProblemHttpResult NotFound(Guid id) => AccessRequestService.NotFound(id).ToProblem();

    /// <summary>A pending request's preview version as the ETag, the tag an approval's <c>If-Match</c> names.</summary>
    private static void SetPreviewTag(AccessRequestServices services, AccessRequestStatus status, string? version)
    {
        if (status == AccessRequestStatus.Pending && version is not null)
        {
            services.Http.Response.Headers.ETag = new EntityTagHeaderValue($"\"{version}\"").ToString();
        }
    }

    /// <summary>The one strong entity tag of <c>If-Match</c>, or null when there is none (<c>*</c> names no preview).</summary>
    private static string? IfMatch(HttpContext http)
        => EntityTagHeaderValue.TryParseList(http.Request.Headers.IfMatch, out var tags) && tags is [{ IsWeak: false } tag] && tag.Tag.Length > 2
            ? tag.Tag.Value![1..^1]
            : null;
}
