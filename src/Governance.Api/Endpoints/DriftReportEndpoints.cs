using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Api.OpenApi;
using Governance.Api.Problems;
using Governance.Api.Questions;
using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Reports;
using Governance.Core.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Endpoints;

/// <summary>
/// <c>/v1/audit/reports</c>: the drift audit's reports from the database, newest first, for approvers and admins; admins
/// may run the audit now.
/// </summary>
internal static class DriftReportEndpoints
{
    /// <summary>The formats a report is served in; text is for a terminal.</summary>
    private static readonly ReportFormat[] Served = [ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Html];

    public static RouteGroupBuilder MapDriftReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/audit/reports").WithTags("Audit").RequireAuthorization(AuthorizationPolicies.Decider)
            .Refuses(StatusCodes.Status503ServiceUnavailable, ProblemCodes.DatabaseUnavailable);
        group.MapGet("/", ListAsync).WithName("ListDriftReports").WithSummary("List the drift audit's reports, newest first");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetDriftReport").WithSummary("Read one drift report as JSON, Markdown or HTML")
            .WithQueryValues("format", nameof(ReportFormat), [.. Served.Select(ReportFormats.Name)])
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/json", "text/markdown", "text/html").Refuses(StatusCodes.Status404NotFound, ProblemCodes.ReportNotFound);
        group.MapPost("/", RunAsync).RequireAuthorization(AuthorizationPolicies.Admin).WithName("RunDriftAudit").WithSummary("Run the drift audit now")
            .Refuses(StatusCodes.Status409Conflict, ProblemCodes.DriftAuditRunning);
        return group;
    }

    /// <summary>The reports' summaries, a page at a time as every list: newest run first, ties by id descending.</summary>
    [ListOrder(ListOrders.DriftReports)]
    public static async Task<Results<Ok<PageDto<DriftReportSummaryDto>>, ProblemHttpResult>> ListAsync(DriftReportRepository reports, string? page,
        string? pageSize, CancellationToken cancellationToken)
    {
        if (Paging.TryParse(page, pageSize, out var paging) is { } bad)
        {
            return bad;
        }
        var total = await reports.CountAsync(cancellationToken);
        var items = await reports.ListAsync(paging.Skip, paging.Size, cancellationToken);
        return TypedResults.Ok(new PageDto<DriftReportSummaryDto>([.. items.Select(DriftReportSummaryDto.From)], paging.Page, paging.Size, total));
    }

    /// <summary>One report as <c>json</c> (default), <c>markdown</c> or <c>html</c>.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, string? format, DriftReportRepository reports, CancellationToken cancellationToken)
    {
        var parsed = ReportFormat.Json;
        if (format is not null && (!ReportFormats.TryParse(format, out parsed) || !Served.Contains(parsed)))
        {
            return ProblemMapping.Invalid("format", $"unknown format `{format}`; use {ReportFormats.OneOf(Served)}");
        }
        return await DriftReportDocument.RenderAsync(reports, id, parsed, cancellationToken) is { } document
            ? TypedResults.Text(document, ReportFormats.MediaType(parsed))
            : GovernanceError.NotFound(ProblemCodes.ReportNotFound, $"no drift report `{id}`").ToProblem();
    }

    /// <summary>
    /// Runs the drift audit now, as the nightly job does, and answers 201 with the new report's summary and address; 409
    /// <c>drift-audit-running</c> while another run is in progress. The run is an audit event naming the admin.
    /// </summary>
    /// <remarks>
    /// Inline rather than queued with a 202: the audit compares the copy of the organisation the service already holds
    /// with the folders and the grants (no AWS call), which takes well under a second for the demo organisation and
    /// seconds for a large one; an answer with the report is simpler for a caller than a job to poll.
    /// </remarks>
    public static async Task<Results<Created<DriftReportSummaryDto>, ProblemHttpResult>> RunAsync(
        HttpContext http, DriftAuditRunner runner, CancellationToken cancellationToken)
    {
        var run = await runner.RunNowAsync(http.User.SubjectId(), cancellationToken);
        return run.Success
            ? TypedResults.Created($"/v1/audit/reports/{run.Value.Id}", DriftReportSummaryDto.From(DriftReportSummary.Of(run.Value)))
            : run.Error.ToProblem();
    }
}
