using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Api.Problems;
using Governance.Core.Accounts.Questions;
using Governance.Core.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Endpoints;

/// <summary><c>GET /v1/can-i</c>: may a principal of the service's account perform an action on a resource, now?</summary>
internal static class CanIEndpoints
{
    public static RouteGroupBuilder MapCanI(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/can-i").WithTags("Access questions").RequireAuthorization(AuthorizationPolicies.Member);
        group.MapGet("/", CanI);
        return group;
    }

    /// <remarks>
    /// Answers against the current account state, so grants show up and disappear at once; the time keys come from
    /// the service's clock unless the question gives them. The answer is the JSON of <c>iamgov can-i --output json</c>.
    /// </remarks>
    public static Results<JsonWriterResult, ProblemHttpResult> CanI(
        string? principal, string? action, string? resource, string[]? context, CurrentAccountAuthorizer current)
    {
        if (Required(principal, action, resource) is { } missing)
        {
            return missing;
        }
        if (RequestChecks.CheckAction(action!) is { } actionError)
        {
            return ProblemMapping.Invalid("action", actionError);
        }
        if (RequestChecks.CheckResource(resource!) is { } resourceError)
        {
            return ProblemMapping.Invalid("resource", resourceError);
        }
        var (given, contextErrors) = ContextArguments.Parse(context ?? []);
        if (contextErrors.Count > 0)
        {
            return ProblemMapping.Invalid("context", string.Join("; ", contextErrors));
        }
        var authorizer = current.Authorizer;
        var lookup = authorizer.State.Find(principal!);
        if (lookup.Principal is not { } caller)
        {
            return ProblemMapping.PrincipalNotResolved(lookup.Error!);
        }
        var question = new AccessQuestion(action!, resource!, current.ContextNow(given));
        var result = authorizer.Authorize(caller, question);
        return new JsonWriterResult(json => DecisionJson.Write(json, caller.Arn, question.Action, question.Resource, result, []));
    }

    private static ProblemHttpResult? Required(string? principal, string? action, string? resource)
    {
        foreach (var (name, value) in new[] { ("principal", principal), ("action", action), ("resource", resource) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return ProblemMapping.Invalid(name, $"query parameter `{name}` is required");
            }
        }
        return null;
    }
}
