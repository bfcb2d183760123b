using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Api.OpenApi;
using Governance.Api.Problems;
using Governance.Api.Questions;
using Governance.Core.OrganizationCopy;
using Governance.Core.Reports;
using Governance.Core.Results;
using Governance.Core.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Endpoints;

/// <summary>
/// <c>GET /v1/can-i</c>: may a principal of any account of the organisation perform an action on a resource, now? Or,
/// with <c>read=s3://BUCKET/KEY</c> or <c>write=…</c>, can it read or write the object: every call that takes.
/// </summary>
internal static class CanIEndpoints
{
    public static RouteGroupBuilder MapCanI(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/can-i").WithTags("Access questions").RequireAuthorization(AuthorizationPolicies.Member);
        group.MapGet("/", CanI).WithName("AskCanI").AnswersWith(CanIAnswerSchema.Name).WithSummary("May a principal perform an action on a resource now?")
            .Refuses(StatusCodes.Status404NotFound, ProblemCodes.PrincipalNotFound).Refuses(StatusCodes.Status503ServiceUnavailable, ProblemCodes.DatabaseUnavailable);
        return group;
    }

    /// <remarks>
    /// Checked and answered by <see cref="CanIQuestion"/>, as the console's Can I page is. The answer is the JSON of
    /// <c>iamgov can-i --org … --output json</c> (with <c>read</c>/<c>write</c>: of <c>iamgov can-i --read/--write</c>).
    /// </remarks>
    public static async Task<Results<JsonWriterResult, ProblemHttpResult>> CanI(
        string? principal, string? action, string? resource, string? read, string? write, string[]? context, CurrentAuthorizer current,
        GovernanceMetrics metrics, CancellationToken cancellationToken)
    {
        var outcome = await CanIQuestion.AnswerAsync(principal, action, resource, read, write, context, current, metrics, cancellationToken);
        if (!outcome.Success)
        {
            return outcome.Error.ToProblem();
        }
        var answer = outcome.Value!;
        if (answer.ObjectAccess is { } objectAnswer)
        {
            return new JsonWriterResult(json => ObjectAccessJson.Write(json, answer.Principal, objectAnswer, answer.Warnings));
        }
        var question = answer.Question!;
        var decision = answer.Decision!;
        return new JsonWriterResult(json => DecisionJson.Write(json, answer.Principal, question.Action, question.Resource, decision,
            [.. decision.Notes, .. answer.Warnings]));
    }
}
