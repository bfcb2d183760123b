using Governance.Api.OpenApi;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Api.Problems;
using Governance.Api.Questions;
using Governance.Core.AuditTrail;
using Governance.Core.AuditTrail.Checkpoints;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Endpoints;

/// <summary>
/// <c>/v1/audit</c>: the events, paged or exported, verification of the chain against its signed checkpoints, and the
/// checkpoints' public key. Approvers and admins, except the public key, which any member may fetch.
/// </summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/audit").WithTags("Audit").RequireAuthorization(AuthorizationPolicies.Decider)
            .Refuses(StatusCodes.Status503ServiceUnavailable, ProblemCodes.DatabaseUnavailable);
        group.MapGet("/events", ListAsync).WithName("ListAuditEvents").WithSummary("List audit events, oldest first");
        group.MapGet("/export", Export).WithName("ExportAuditEvents").WithSummary("Export the whole chain as JSON lines")
            .Produces<string>(StatusCodes.Status200OK, "application/x-ndjson");
        group.MapGet("/verify", VerifyAsync).WithName("VerifyAuditTrail").WithSummary("Verify the chain, the signed checkpoints and the append-only triggers");
        group.MapGet("/checkpoints", ListCheckpointsAsync).WithName("ListAuditCheckpoints").WithSummary("List the signed checkpoints, oldest first");
        group.MapPost("/checkpoints", WriteCheckpointAsync).RequireAuthorization(AuthorizationPolicies.Admin)
            .WithName("WriteAuditCheckpoint").WithSummary("Sign a checkpoint over the events not yet covered")
            .Refuses(StatusCodes.Status409Conflict, ProblemCodes.AuditChainBroken);
        // Not secret, and the more parties hold a copy the harder it is to swap; still never anonymous.
        app.MapGet("/v1/audit/public-key", PublicKey).WithTags("Audit").RequireAuthorization(AuthorizationPolicies.Member)
            .WithName("GetAuditPublicKey").WithSummary("The public key the checkpoints are signed with");
        return group;
    }

    /// <remarks>
    /// Oldest first, so that a reader can follow the chain page by page; <c>actor</c> and <c>action</c> match exactly,
    /// <c>from</c> (inclusive) and <c>to</c> (exclusive) are ISO 8601 times.
    /// </remarks>
    [ListOrder(ListOrders.AuditEvents)]
    public static async Task<Results<Ok<PageDto<AuditEventDto>>, ProblemHttpResult>> ListAsync(
        GovernanceDbContext db, Guid? requestId, Guid? grantId, string? actor, string? action, string? from, string? to, string? page, string? pageSize,
        CancellationToken cancellationToken)
    {
        if (Paging.TryParse(page, pageSize, out var paging) is { } bad)
        {
            return bad;
        }
        if (AuditEventFilter.TryParseTime(from, "from", out var since) is { } badFrom)
        {
            return badFrom.ToProblem();
        }
        if (AuditEventFilter.TryParseTime(to, "to", out var until) is { } badTo)
        {
            return badTo.ToProblem();
        }
        var query = new AuditEventFilter(requestId, grantId, actor, action, since, until).Apply(db.AuditEvents.AsNoTracking());
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(static e => e.Sequence).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageDto<AuditEventDto>([.. items.Select(AuditEventDto.From)], paging.Page, paging.Size, total));
    }

    /// <summary>The whole chain as JSON lines with its stored hashes (<see cref="AuditEventExport"/>), for <c>iamgov audit-log verify --events</c>.</summary>
    public static PushStreamHttpResult Export(GovernanceDbContext db, HttpContext http)
        => TypedResults.Stream(
            async body => await AuditEventExport.WriteAsync(new DatabaseAuditEvents(db), body, http.RequestAborted),
            "application/x-ndjson", "audit-events.jsonl");

    public static async Task<Ok<AuditVerificationDto>> VerifyAsync(GovernanceDbContext db, IAuditCheckpointStore checkpoints, IAuditCheckpointSigner signer,
        ILogger<AuditVerificationDto> logger, CancellationToken cancellationToken)
        => TypedResults.Ok(AuditVerificationDto.From(await AuditTrailCheck.VerifyAsync(db, checkpoints, signer, logger, cancellationToken)));

    /// <summary>
    /// The signed checkpoints, oldest first, each as its file holds it (an auditor saves each as <c>FROM-TO.json</c> in a
    /// folder for <c>iamgov audit-log verify --checkpoints</c>); a file that cannot be read is listed by its name and why.
    /// </summary>
    [ListOrder(ListOrders.AuditCheckpoints)]
    public static async Task<Results<Ok<PageDto<JsonElement>>, ProblemHttpResult>> ListCheckpointsAsync(IAuditCheckpointStore checkpoints,
        string? page, string? pageSize, CancellationToken cancellationToken)
    {
        if (Paging.TryParse(page, pageSize, out var paging) is { } bad)
        {
            return bad;
        }
        var total = await checkpoints.CountAsync(cancellationToken);
        var stored = await checkpoints.ReadPageAsync(paging.Skip, paging.Size, cancellationToken);
        var items = stored.Select(static s => s.Checkpoint is { } c
            ? JsonSerializer.Deserialize<JsonElement>(AuditCheckpointFormat.FileBytes(c))
            : JsonSerializer.SerializeToElement(new { name = s.Name, error = s.Error })).ToList();
        return TypedResults.Ok(new PageDto<JsonElement>(items, paging.Page, paging.Size, total));
    }

    /// <summary>Signs every event not yet covered now, rather than when the job next finds a checkpoint due.</summary>
    public static async Task<Results<Ok<AuditCheckpointRunDto>, ProblemHttpResult>> WriteCheckpointAsync(AuditCheckpointWriter writer,
        CancellationToken cancellationToken)
    {
        var run = await writer.WriteNowAsync(cancellationToken);
        return run.Refusal is { } problem
            ? GovernanceError.Conflict(ProblemCodes.AuditChainBroken, $"not signed: {problem.Message}").ToProblem()
            : TypedResults.Ok(AuditCheckpointRunDto.From(run));
    }

    public static Ok<AuditPublicKeyDto> PublicKey(IAuditCheckpointSigner signer) => TypedResults.Ok(AuditPublicKeyDto.From(signer.PublicKey));
}
