using System.Collections.Concurrent;
using PolicyEngine.Evaluation;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// Answers "can this principal do this action on this resource?" against an <see cref="AccountState"/>, feeding the
/// engine each principal's policies and the context keys AWS derives from the principal.
/// </summary>
/// <remarks>
/// Policies are parsed and compiled once per principal (and resource policy) and cached; thread-safe.
/// A request for <c>sts:AssumeRole*</c> on a role of the loaded accounts uses that role's trust policy as the resource
/// policy, as AWS does, unless <see cref="Guardrails.ResourcePolicy"/> names another.
/// </remarks>
/// <param name="state">The accounts' IAM.</param>
/// <param name="organizationOf">
/// The organisation id of an account, for <c>aws:PrincipalOrgID</c>; null (or a null answer) for an account of no known
/// organisation, whose principals then carry no such key.
/// </param>
public sealed class AccountAuthorizer(AccountState state, Func<string, string?>? organizationOf = null)
{
    /// <summary>An action on <c>*</c> that adds no condition key of its own, for the keys every request of a principal carries.</summary>
    private const string AnyRequest = "sts:GetCallerIdentity";

    private readonly ConcurrentDictionary<(string Principal, Guardrails Guardrails, string? TrustOf), CompiledPolicySet> _compiled = new();
    private readonly PolicyLibrary _library = new();

    /// <summary>The account state questions are answered against.</summary>
    public AccountState State { get; } = state ?? throw new ArgumentNullException(nameof(state));

    /// <summary>Decides and explains <paramref name="question"/> asked of <paramref name="principal"/>.</summary>
    public AuthorizationResult Authorize(ResolvedPrincipal principal, AccessQuestion question)
    {
        var (compiled, request) = Prepare(principal, question);
        return compiled.Evaluate(request);
    }

    /// <summary>Decides <paramref name="question"/> without explaining it: the fast path for sweeps over many principals or actions.</summary>
    public Decision Decide(ResolvedPrincipal principal, AccessQuestion question)
    {
        var (compiled, request) = Prepare(principal, question);
        return compiled.Decide(request);
    }

    /// <summary>The policies AWS evaluates for <paramref name="principal"/> under <paramref name="guardrails"/>, each parsed once.</summary>
    public PolicySet PolicySet(ResolvedPrincipal principal, Guardrails? guardrails = null, ResolvedPrincipal? trustOf = null)
    {
        ArgumentNullException.ThrowIfNull(principal);
        guardrails ??= Guardrails.None;
        return _library.For(principal) with
        {
            SessionPolicy = guardrails.SessionPolicy,
            ServiceControlPolicies = guardrails.ServiceControlPolicies,
            ResourceControlPolicies = guardrails.ResourceControlPolicies,
            ResourcePolicy = trustOf is { TrustPolicy: { } trust } ? TrustPolicyOf(trustOf, trust) : guardrails.ResourcePolicy,
            AccessPoint = guardrails.AccessPoint,
            VpcEndpointPolicy = guardrails.VpcEndpointPolicy,
            BlockPublicAccess = guardrails.BlockPublicAccess,
            ObjectOwnership = guardrails.ObjectOwnership,
        };
    }

    /// <summary>
    /// The condition keys of any request from <paramref name="principal"/>: <paramref name="given"/>, then the keys AWS
    /// derives from the principal (its tags, its user id, its ARN and account) where <paramref name="given"/> lacks them.
    /// </summary>
    public static RequestContext ContextOf(ResolvedPrincipal principal, RequestContext given)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Request(principal, new AccessQuestion(AnyRequest, "*", given), organizationId: null).Context;
    }

    /// <summary>The request AWS would see from <paramref name="principal"/>: the question's keys win over the principal's own, as they describe this request.</summary>
    private static AuthorizationRequest Request(ResolvedPrincipal principal, AccessQuestion question, string? organizationId)
        => AuthorizationRequest.Create(principal.Arn, question.Action, question.Resource, question.Guardrails.ResourceAccount,
            question.Context.WithMissing(PrincipalContextKeys.For(principal, organizationId)));

    private (CompiledPolicySet Compiled, AuthorizationRequest Request) Prepare(ResolvedPrincipal principal, AccessQuestion question)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(question);
        return (CompiledFor(principal, question.Guardrails, TrustOf(question)), Request(principal, question, organizationOf?.Invoke(principal.AccountId)));
    }

    /// <summary>The policies AWS evaluates for <paramref name="question"/> asked of <paramref name="principal"/>, the role's trust policy included.</summary>
    internal PolicySet PolicySet(ResolvedPrincipal principal, AccessQuestion question) => PolicySet(principal, question.Guardrails, TrustOf(question));

    /// <summary>The trust policy that is the resource policy of <paramref name="question"/>, when it asks <c>sts:AssumeRole*</c> of a loaded role.</summary>
    internal NamedPolicy? TrustPolicyFor(AccessQuestion question)
        => TrustOf(question) is { TrustPolicy: { } trust } role ? TrustPolicyOf(role, trust) : null;

    /// <summary>The role whose trust policy is the resource policy of <paramref name="question"/>: an <c>sts:AssumeRole*</c> on a loaded role, unless the question names another policy.</summary>
    private ResolvedPrincipal? TrustOf(AccessQuestion question)
        => question.Guardrails.ResourcePolicy is null && IsAssumeRole(question.Action)
            && State.Find(question.Resource) is { Principal: { Kind: PrincipalKind.Role } role }
            && string.Equals(role.Arn, question.Resource, StringComparison.Ordinal)
            ? role
            : null;

    private NamedPolicy TrustPolicyOf(ResolvedPrincipal role, string trust) => _library.Get($"trust policy of role `{role.Name}`", trust);

    private CompiledPolicySet CompiledFor(ResolvedPrincipal principal, Guardrails guardrails, ResolvedPrincipal? trustOf)
        => _compiled.GetOrAdd((principal.Arn, guardrails, trustOf?.Arn), _ => PolicyCompiler.Compile(PolicySet(principal, guardrails, trustOf)));

    private static bool IsAssumeRole(string action) => action.StartsWith("sts:AssumeRole", StringComparison.OrdinalIgnoreCase);
}
