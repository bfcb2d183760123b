using System.Collections.Concurrent;
using System.Collections.Immutable;
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
public sealed class AccountAuthorizer(AccountState state)
{
    private readonly ConcurrentDictionary<(string Principal, Guardrails Guardrails, string? TrustOf), CompiledPolicySet> _compiled = new();
    private readonly PolicyLibrary _library = new();

    /// <summary>The account state questions are answered against.</summary>
    public AccountState State { get; } = state ?? throw new ArgumentNullException(nameof(state));

    /// <summary>Decides and explains one request.</summary>
    /// <param name="principal">The caller.</param>
    /// <param name="action">The action, <c>service:Name</c>.</param>
    /// <param name="resource">The resource ARN, or <c>*</c>.</param>
    /// <param name="guardrails">SCPs, RCPs, resource and session policy; null for none.</param>
    /// <param name="context">Condition keys the request carries; the principal's own keys are added where absent.</param>
    public AuthorizationResult Authorize(ResolvedPrincipal principal, string action, string resource, Guardrails? guardrails = null,
        IEnumerable<KeyValuePair<string, ImmutableArray<string>>>? context = null)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var (compiled, request) = Prepare(principal, action, resource, guardrails ?? Guardrails.None, context);
        return compiled.Evaluate(request);
    }

    /// <summary>Decides one request without explaining it: the fast path for sweeps over many principals or actions.</summary>
    public Decision Decide(ResolvedPrincipal principal, string action, string resource, Guardrails? guardrails = null,
        IEnumerable<KeyValuePair<string, ImmutableArray<string>>>? context = null)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var (compiled, request) = Prepare(principal, action, resource, guardrails ?? Guardrails.None, context);
        return compiled.Decide(request);
    }

    /// <summary>The compiled policy set for <paramref name="principal"/>, with <paramref name="guardrails"/> and no resource-specific trust policy.</summary>
    public CompiledPolicySet Compile(ResolvedPrincipal principal, Guardrails? guardrails = null)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return CompiledFor(principal, guardrails ?? Guardrails.None, trustOf: null);
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
            ResourcePolicy = trustOf is { TrustPolicy: { } trust } ? _library.Get($"{trustOf.Name} trust policy", trust) : guardrails.ResourcePolicy,
        };
    }

    /// <summary>The request AWS would see from <paramref name="principal"/>, with its derived context keys.</summary>
    public static AuthorizationRequest Request(ResolvedPrincipal principal, string action, string resource,
        IEnumerable<KeyValuePair<string, ImmutableArray<string>>>? context = null, string? resourceAccount = null)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var keys = PrincipalContextKeys.For(principal).ToList();
        if (context is not null)
        {
            // Keys the caller gives win over derived ones: they describe this particular request.
            var given = context.ToList();
            var givenKeys = new HashSet<string>(given.Select(static e => e.Key), StringComparer.OrdinalIgnoreCase);
            keys.RemoveAll(k => givenKeys.Contains(k.Key));
            keys.AddRange(given);
        }
        return AuthorizationRequest.Create(principal.Arn, action, resource, resourceAccount, RequestContext.Create(keys));
    }

    private (CompiledPolicySet Compiled, AuthorizationRequest Request) Prepare(ResolvedPrincipal principal, string action, string resource,
        Guardrails guardrails, IEnumerable<KeyValuePair<string, ImmutableArray<string>>>? context)
    {
        var trustOf = guardrails.ResourcePolicy is null && IsAssumeRole(action) && State.Find(resource) is { Principal: { Kind: PrincipalKind.Role } role }
            && string.Equals(role.Arn, resource, StringComparison.Ordinal)
            ? role
            : null;
        return (CompiledFor(principal, guardrails, trustOf), Request(principal, action, resource, context, guardrails.ResourceAccount));
    }

    private CompiledPolicySet CompiledFor(ResolvedPrincipal principal, Guardrails guardrails, ResolvedPrincipal? trustOf)
        => _compiled.GetOrAdd((principal.Arn, guardrails, trustOf?.Arn), _ => PolicyCompiler.Compile(PolicySet(principal, guardrails, trustOf)));

    private static bool IsAssumeRole(string action) => action.StartsWith("sts:AssumeRole", StringComparison.OrdinalIgnoreCase);
}
