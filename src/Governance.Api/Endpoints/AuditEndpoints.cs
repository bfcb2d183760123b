using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Core.AuditTrail;
using Governance.Core.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Endpoints;

/// <summary><c>/v1/audit</c>: the events, paged, and verification of the chain. Approvers and admins only.</summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/audit").WithTags("Audit").RequireAuthorization(AuthorizationPolicies.Decider);
        group.MapGet("/events", ListAsync);
        group.MapGet("/verify", VerifyAsync);
        return group;
    }

    /// <remarks>Oldest first, so that a reader can follow the chain page by page.</remarks>
    public static async Task<Results<Ok<PageDto<AuditEventDto>>, ProblemHttpResult>> ListAsync(
        GovernanceDbContext db, Guid? requestId, Guid? grantId, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        if (Paging.TryParse(page, pageSize, out var paging) is { } bad)
        {
            return bad;
        }
        var query = db.AuditEvents.AsNoTracking();
        if (requestId is { } r)
        {
            query = query.Where(e => e.RequestId == r);
        }
        if (grantId is { } g)
        {
            query = query.Where(e => e.GrantId == g);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(static e => e.Sequence).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageDto<AuditEventDto>([.. items.Select(AuditEventDto.From)], paging.Page, paging.Size, total));
    }

    public static async Task<Ok<AuditVerificationDto>> VerifyAsync(GovernanceDbContext db, ILogger<AuditVerificationDto> logger, CancellationToken cancellationToken)
    {
        var result = await AuditChainVerifier.VerifyAsync(db, cancellationToken);
        if (!result.Valid)
        {
            logger.AuditChainBroken(result.FirstBrokenSequence);
        }
        return TypedResults.Ok(AuditVerificationDto.From(result));
    }
}
