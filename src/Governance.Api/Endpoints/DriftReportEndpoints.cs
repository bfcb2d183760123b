using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Core.Drift.Records;
using Governance.Core.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Endpoints;

/// <summary><c>/v1/audit/reports</c>: the drift audit's reports from the database, newest first. Approvers and admins only.</summary>
internal static class DriftReportEndpoints
{
    private const int HistoryLength = 30;

    /// <summary>The formats a report is served in; text is for a terminal.</summary>
    private static readonly ReportFormat[] Served = [ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Html];

    public static RouteGroupBuilder MapDriftReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/audit/reports").WithTags("Audit").RequireAuthorization(AuthorizationPolicies.Decider);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        return group;
    }

    /// <summary>The latest reports' summaries.</summary>
    public static async Task<Ok<DriftReportSummaryDto[]>> ListAsync(DriftReportRepository reports, CancellationToken cancellationToken)
        => TypedResults.Ok((await reports.ListAsync(HistoryLength, cancellationToken)).Select(DriftReportSummaryDto.From).ToArray());

    /// <summary>One report as <c>json</c> (default), <c>markdown</c> or <c>html</c>.</summary>
    public static async Task<Results<ContentHttpResult, NotFound, ProblemHttpResult>> GetAsync(
        Guid id, string? format, DriftReportRepository reports, CancellationToken cancellationToken)
    {
        var parsed = ReportFormat.Json;
        if (format is not null && (!ReportFormats.TryParse(format, out parsed) || !Served.Contains(parsed)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "invalid format",
                detail: $"unknown format `{format}`; use {ReportFormats.OneOf(Served)}");
        }
        if (await reports.FindAsync(id, cancellationToken) is not { } report)
        {
            return TypedResults.NotFound();
        }
        // JSON is the report's one JSON form, the same the job stored and iamgov drift prints; HTML charts the recent runs.
        var history = parsed == ReportFormat.Html ? await reports.ListAsync(HistoryLength, cancellationToken) : [];
        return TypedResults.Text(ReportRenderer.Render(report, parsed, history), ReportFormats.MediaType(parsed));
    }
}
