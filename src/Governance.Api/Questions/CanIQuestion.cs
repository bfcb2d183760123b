using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Questions;
using Governance.Core.OrganizationCopy;
using Governance.Core.Results;
using Governance.Core.Telemetry;

namespace Governance.Api.Questions;

/// <summary>
/// "Can this principal do this?", checked and answered once for <c>GET /v1/can-i</c> and the console's Can I page: the
/// one owner of which inputs make a question, which field a bad one names, and how it is answered.
/// </summary>
internal static class CanIQuestion
{
    /// <summary>
    /// Answers from the newest version of the organisation copy, which every node shares, so grants show up and
    /// disappear at once whichever node wrote them; SCPs, RCPs, the resource's own policy and the resource account come
    /// from the copy. The time keys come from the service's clock unless <paramref name="context"/> gives them.
    /// </summary>
    /// <param name="principal">The caller: a name, <c>role/NAME</c> or an ARN (an outside principal's ARN too).</param>
    /// <param name="action">With <paramref name="resource"/>: one call.</param>
    /// <param name="resource">The call's resource ARN.</param>
    /// <param name="read"><c>s3://BUCKET/KEY</c>: every call reading the object takes (excludes the others).</param>
    /// <param name="write"><c>s3://BUCKET/KEY</c>: every call writing the object takes.</param>
    /// <param name="context">Request context keys, <c>KEY=VALUE</c>.</param>
    /// <param name="current">The organisation copy's authorizer.</param>
    /// <param name="metrics">Counts and times the engine's answer.</param>
    /// <param name="cancellationToken">Stops reading the copy.</param>
    /// <returns>The answer, or an error naming the field (<c>principal</c>, <c>action</c>, <c>resource</c>, <c>read</c>, <c>write</c>, <c>context</c>).</returns>
    public static async Task<Outcome<CanIAnswer>> AnswerAsync(
        string? principal, string? action, string? resource, string? read, string? write, IReadOnlyList<string>? context,
        CurrentAuthorizer current, GovernanceMetrics metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(metrics);
        if (string.IsNullOrWhiteSpace(principal))
        {
            return Invalid("principal", "query parameter `principal` is required");
        }
        if (ArnText.WhyNot(principal, "principal") is { } notPrincipal)
        {
            return Invalid("principal", notPrincipal);
        }
        var (given, contextErrors) = ContextArguments.Parse(context ?? []);
        if (contextErrors.Count > 0)
        {
            return Invalid("context", string.Join("; ", contextErrors));
        }
        ObjectAccessQuestion? objectQuestion = null;
        if (read is not null || write is not null)
        {
            if (QuestionShape(action, resource, read, write) is { } shapeError)
            {
                return Outcome.Fail<CanIAnswer>(shapeError);
            }
            var kind = read is not null ? ObjectAccessKind.Read : ObjectAccessKind.Write;
            objectQuestion = ObjectAccessQuestion.Parse(kind, read ?? write!, current.ContextNow(given), out var uriError);
            if (objectQuestion is null)
            {
                return Invalid(read is not null ? "read" : "write", uriError!);
            }
        }
        else if (Required(action, resource) is { } missing)
        {
            return Outcome.Fail<CanIAnswer>(missing);
        }
        else if (RequestChecks.CheckAction(action!) is { } actionError)
        {
            return Invalid("action", actionError);
        }
        else if (RequestChecks.CheckResource(resource!) is { } resourceError)
        {
            return Invalid("resource", resourceError);
        }

        var authorizer = await current.AuthorizerAsync(cancellationToken).ConfigureAwait(false);
        // As iamgov can-i --org: a principal of an account the copy does not hold (an outside vendor's role, by ARN) is
        // answered from the resource side, its own policies assumed and the answer saying so (callerPolicies: assumed).
        var lookup = authorizer.FindCaller(principal);
        if (lookup.Principal is not { } caller)
        {
            return Outcome.Fail<CanIAnswer>(NotResolved(lookup.Error!));
        }
        var warnings = authorizer.Accounts.State.WarningsFor(caller.Arn);
        var started = GovernanceMetrics.StartDecision();
        if (objectQuestion is not null)
        {
            var objectAnswer = ObjectAccess.Answer(authorizer, caller, objectQuestion);
            metrics.Decided(EngineQuestion.CanI, started);
            return Outcome.Ok(new CanIAnswer(caller.Arn, null, null, objectAnswer, warnings));
        }
        var question = new AccessQuestion(action!, resource!, current.ContextNow(given));
        if (authorizer.CheckQuestion(caller, question) is { } unanswerable)
        {
            return Invalid("principal", unanswerable);
        }
        var decision = authorizer.Authorize(caller, question);
        metrics.Decided(EngineQuestion.CanI, started);
        return Outcome.Ok(new CanIAnswer(caller.Arn, question, decision, null, warnings));
    }

    /// <summary>
    /// A principal name that did not resolve: not found when no principal has it, invalid naming the <c>principal</c>
    /// field when the name is ambiguous or malformed (the caller must write it differently); the closest or the
    /// ambiguous matches are carried as <c>candidates</c>.
    /// </summary>
    private static GovernanceError NotResolved(PrincipalLookupError error)
        => (error.Failure == PrincipalLookupFailure.NotFound
            ? GovernanceError.NotFound(ProblemCodes.PrincipalNotFound, error.ToString())
            : GovernanceError.Invalid("principal", error.ToString()))
            with { Extensions = ImmutableDictionary<string, object?>.Empty.Add("candidates", error.Candidates) };

    private static GovernanceError? QuestionShape(string? action, string? resource, string? read, string? write)
    {
        if (read is not null && write is not null)
        {
            return GovernanceError.Invalid("read", "`read` and `write` exclude each other: ask one question at a time");
        }
        return action is not null || resource is not null
            ? GovernanceError.Invalid(read is not null ? "read" : "write",
                "`read`/`write` and `action`/`resource` exclude each other: the calls come from the object's bucket")
            : null;
    }

    private static GovernanceError? Required(string? action, string? resource)
    {
        foreach (var (name, value) in new[] { ("action", action), ("resource", resource) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return GovernanceError.Invalid(name, $"query parameter `{name}` is required");
            }
        }
        return null;
    }

    private static Outcome<CanIAnswer> Invalid(string field, string message) => Outcome.Fail<CanIAnswer>(GovernanceError.Invalid(field, message));
}
