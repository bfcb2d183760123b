using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Api.Problems;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Questions;
using Governance.Core.OrganizationCopy;
using Governance.Core.Reports;
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
        group.MapGet("/", CanI);
        return group;
    }

    /// <remarks>
    /// Answers from the newest version of the organisation copy, which every node shares, so grants show up and disappear
    /// at once whichever node wrote them; SCPs, RCPs, the resource's own policy and the resource account come from the
    /// copy. The time keys come from the service's clock unless the question gives them. The answer is the JSON of
    /// <c>iamgov can-i --org … --output json</c> (with <c>read</c>/<c>write</c>: of <c>iamgov can-i --read/--write</c>).
    /// </remarks>
    public static async Task<Results<JsonWriterResult, ProblemHttpResult>> CanI(
        string? principal, string? action, string? resource, string? read, string? write, string[]? context, CurrentAuthorizer current,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(principal))
        {
            return ProblemMapping.Invalid("principal", "query parameter `principal` is required");
        }
        if (ArnText.WhyNot(principal, "principal") is { } notPrincipal)
        {
            return ProblemMapping.Invalid("principal", notPrincipal);
        }
        var (given, contextErrors) = ContextArguments.Parse(context ?? []);
        if (contextErrors.Count > 0)
        {
            return ProblemMapping.Invalid("context", string.Join("; ", contextErrors));
        }
        ObjectAccessQuestion? objectQuestion = null;
        if (read is not null || write is not null)
        {
            if (QuestionShape(action, resource, read, write) is { } shapeError)
            {
                return shapeError;
            }
            var kind = read is not null ? ObjectAccessKind.Read : ObjectAccessKind.Write;
            objectQuestion = ObjectAccessQuestion.Parse(kind, read ?? write!, current.ContextNow(given), out var uriError);
            if (objectQuestion is null)
            {
                return ProblemMapping.Invalid(read is not null ? "read" : "write", uriError!);
            }
        }
        else if (Required(action, resource) is { } missing)
        {
            return missing;
        }
        else if (RequestChecks.CheckAction(action!) is { } actionError)
        {
            return ProblemMapping.Invalid("action", actionError);
        }
        else if (RequestChecks.CheckResource(resource!) is { } resourceError)
        {
            return ProblemMapping.Invalid("resource", resourceError);
        }

        var authorizer = await current.AuthorizerAsync(cancellationToken).ConfigureAwait(false);
        // As iamgov can-i --org: a principal of an account the copy does not hold (an outside vendor's role, by ARN) is
        // answered from the resource side, its own policies assumed and the answer saying so (callerPolicies: assumed).
        var lookup = authorizer.FindCaller(principal);
        if (lookup.Principal is not { } caller)
        {
            return ProblemMapping.PrincipalNotResolved(lookup.Error!);
        }
        var warnings = authorizer.Accounts.State.WarningsFor(caller.Arn);
        if (objectQuestion is not null)
        {
            var objectAnswer = ObjectAccess.Answer(authorizer, caller, objectQuestion);
            return new JsonWriterResult(json => ObjectAccessJson.Write(json, caller.Arn, objectAnswer, warnings));
        }
        var question = new AccessQuestion(action!, resource!, current.ContextNow(given));
        if (authorizer.CheckQuestion(caller, question) is { } unanswerable)
        {
            return ProblemMapping.Invalid("principal", unanswerable);
        }
        var answer = authorizer.Authorize(caller, question);
        return new JsonWriterResult(json => DecisionJson.Write(json, caller.Arn, question.Action, question.Resource, answer,
            [.. answer.Notes, .. warnings]));
    }

    private static ProblemHttpResult? QuestionShape(string? action, string? resource, string? read, string? write)
    {
        if (read is not null && write is not null)
        {
            return ProblemMapping.Invalid("read", "`read` and `write` exclude each other: ask one question at a time");
        }
        return action is not null || resource is not null
            ? ProblemMapping.Invalid(read is not null ? "read" : "write",
                "`read`/`write` and `action`/`resource` exclude each other: the calls come from the object's bucket")
            : null;
    }

    private static ProblemHttpResult? Required(string? action, string? resource)
    {
        foreach (var (name, value) in new[] { ("action", action), ("resource", resource) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return ProblemMapping.Invalid(name, $"query parameter `{name}` is required");
            }
        }
        return null;
    }
}
