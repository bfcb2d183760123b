using PolicyEngine.Evaluation;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// What a principal is asked: may it perform <see cref="Action"/> on <see cref="Resource"/>, in a request that carries
/// <see cref="Context"/>, under <see cref="Guardrails"/>? Built once where the question arrives (<c>GET /v1/can-i</c>,
/// <c>iamgov can-i</c> and <c>who-can</c>) and carried as it is to <see cref="AccountAuthorizer"/>.
/// </summary>
/// <remarks>
/// The edges check the action and resource with <see cref="RequestChecks"/> and read the context with
/// <see cref="ContextArguments"/> before building one. The principal is not part of it: <c>who-can</c> asks every
/// principal the same question.
/// </remarks>
public sealed record AccessQuestion
{
    /// <summary>A question with no guardrails.</summary>
    /// <param name="action">The action, <c>service:Name</c>.</param>
    /// <param name="resource">The resource ARN, or <c>*</c>.</param>
    /// <param name="context">The condition keys the request carries; the principal's own keys are added where absent.</param>
    public AccessQuestion(string action, string resource, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        (Action, Resource, Context) = (action, resource, context);
    }

    /// <summary>The action, <c>service:Name</c>.</summary>
    public string Action { get; }

    /// <summary>The resource ARN, or <c>*</c>.</summary>
    public string Resource { get; }

    /// <summary>The condition keys the request carries.</summary>
    public RequestContext Context { get; }

    /// <summary>SCPs, RCPs, resource and session policy that bear on the request; none by default.</summary>
    public Guardrails Guardrails { get; init; } = Guardrails.None;
}
