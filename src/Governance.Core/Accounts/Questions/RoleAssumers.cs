using System.Collections.Immutable;
using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// Answers "who can act as this role?" across an organisation: every principal that can assume it, directly or through
/// a chain of roles, in any account of the organisation or outside it; every AWS service and federated provider its
/// trust policy admits; and anyone, when it admits <c>*</c>. A grant on a role is a grant to all of them.
/// </summary>
/// <remarks>
/// <para>
/// The trust policy only proposes whom to ask: the principals it names by ARN, every principal of an account it names
/// as a whole (or, for an account whose IAM the snapshot does not hold, that account as one assumer), every principal
/// the snapshot holds and "anyone" for <c>*</c>. Each is decided by the engine through
/// <see cref="OrganizationAuthorizer"/>: the trust policy with its conditions, the caller's own policies, the SCPs of its
/// account and the RCPs of the role's. A caller is taken to send what it can arrange (TLS, MFA, an external id): a grant
/// that needs only such keys counts, naming them; one that needs a value of a key that says who the caller is
/// (<see cref="CallerIdentityKeys"/>: <c>aws:PrincipalOrgID</c>, <c>aws:PrincipalArn</c>, ...) does not.
/// </para>
/// <para>
/// Roles are followed breadth first, so each principal is reported with its shortest chain, at most
/// <see cref="DefaultMaxDepth"/> roles deep; a principal met once is not met again (cycles, self-assumption). Roles of
/// accounts the snapshot does not hold are reported but not followed: who can assume them is unknown. Pure and
/// thread-safe; compiles a policy set afresh only for callers the trust names whose answer hangs on keys the request lacks.
/// </para>
/// </remarks>
public static class RoleAssumers
{
    /// <summary>The longest chain of roles followed.</summary>
    public const int DefaultMaxDepth = 5;

    private const string AssumeRole = "sts:AssumeRole";

    /// <summary>An account id no organisation has: the stand-in caller for "anyone".</summary>
    private const string AnyoneAccount = "000000000000";

    /// <summary>
    /// Everyone who can act as <paramref name="role"/>, outsiders first, then by ARN; the role itself is not listed.
    /// </summary>
    /// <param name="authorizer">The organisation.</param>
    /// <param name="role">The role, as <paramref name="authorizer"/> holds it.</param>
    /// <param name="asOf">When the role would be assumed.</param>
    /// <param name="maxDepth">The longest chain of roles followed.</param>
    public static ImmutableArray<RoleAssumer> Find(OrganizationAuthorizer authorizer, ResolvedPrincipal role, DateTimeOffset asOf, int maxDepth = DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        ArgumentNullException.ThrowIfNull(role);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        var found = new List<RoleAssumer>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { role.Arn };
        var queue = new Queue<(ResolvedPrincipal Role, ImmutableArray<string> Chain, ImmutableArray<string> Keys)>();
        queue.Enqueue((role, [role.Arn], []));
        while (queue.Count > 0)
        {
            var (current, chain, keys) = queue.Dequeue();
            foreach (var direct in Direct(authorizer, current, asOf))
            {
                if (!seen.Add(direct.Arn))
                {
                    continue;
                }
                var assumer = direct with
                {
                    Chain = chain.Insert(0, direct.Arn),
                    ConditionKeys = [.. keys.Concat(direct.ConditionKeys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)],
                };
                found.Add(assumer);
                // chain holds the roles from current to the target: one more hop is allowed while it is shorter than maxDepth.
                if (assumer is { Kind: AssumerKind.Role, Principal: { } next } && chain.Length < maxDepth)
                {
                    queue.Enqueue((next, assumer.Chain, assumer.ConditionKeys));
                }
            }
        }
        return [.. found.OrderBy(static a => a.InsideOrganization).ThenBy(static a => a.Arn, StringComparer.Ordinal)];
    }

    /// <summary>The principals that can assume <paramref name="role"/> itself, each with its own chain of one hop.</summary>
    private static IEnumerable<RoleAssumer> Direct(OrganizationAuthorizer authorizer, ResolvedPrincipal role, DateTimeOffset asOf)
    {
        var context = new AnalysisAssumptions(asOf, ContextArguments.Parse(["aws:SecureTransport=true", "aws:MultiFactorAuthPresent=true"]).Context).ToContext();
        var question = new AccessQuestion(AssumeRole, role.Arn, context);
        if (authorizer.Accounts.TrustPolicyFor(question) is not { Document: { } trust } trustPolicy)
        {
            yield break;
        }
        var candidates = new Dictionary<string, ResolvedPrincipal>(StringComparer.Ordinal);
        void Add(ResolvedPrincipal p) => candidates.TryAdd(p.Arn, p);
        var anyone = false;
        foreach (var statement in trust.Statements.Where(static s => s.Effect == Effect.Allow && s.Principal is not null))
        {
            var principal = statement.Principal!;
            if (principal.IsNot || principal.IsWildcard || principal.Entries.Any(static e => e.Type == PrincipalType.Aws && e.Value == "*"))
            {
                anyone = true;
            }
            foreach (var entry in principal.Entries.Where(static e => e.Type == PrincipalType.Aws && e.Value != "*"))
            {
                var lookup = authorizer.FindCaller(entry.Value);
                if (lookup.Principal is { } named && (named.Kind != PrincipalKind.Account || !authorizer.KnowsPoliciesOf(named)))
                {
                    Add(named); // a principal by ARN, or an account whose IAM is not held, asked as one
                }
                else if (AccountNamed(entry.Value) is { } account)
                {
                    // An account whose IAM is held: its own policies decide which of its principals may.
                    foreach (var p in authorizer.Accounts.State.Principals.Where(p => p.AccountId == account))
                    {
                        Add(p);
                    }
                }
            }
        }
        if (anyone)
        {
            foreach (var p in authorizer.Accounts.State.Principals)
            {
                Add(p);
            }
            if (authorizer.FindCaller(AnyoneAccount).Principal is { } stranger)
            {
                Add(stranger);
            }
        }
        foreach (var caller in candidates.Values)
        {
            if (string.Equals(caller.Arn, role.Arn, StringComparison.Ordinal) || authorizer.CheckQuestion(caller, question) is not null)
            {
                continue;
            }
            if (Decide(authorizer, caller, question, asOf) is not { } keys)
            {
                continue;
            }
            var known = authorizer.KnowsPoliciesOf(caller);
            var inside = authorizer.Snapshot.IsInOrganization(caller.AccountId);
            if (caller.AccountId == AnyoneAccount && !known)
            {
                yield return new RoleAssumer("*", AssumerKind.Anyone, null, false, [], keys, null);
                continue;
            }
            var kind = caller.Kind switch
            {
                PrincipalKind.User => AssumerKind.User,
                PrincipalKind.Account => AssumerKind.Account,
                _ => AssumerKind.Role,
            };
            yield return new RoleAssumer(caller.Arn, kind, caller.AccountId, inside, [], keys, known ? caller : null);
        }
        foreach (var assumer in NonIamPrincipals(authorizer, role, trustPolicy, trust, context, asOf))
        {
            yield return assumer;
        }
    }

    /// <summary>
    /// The condition keys the caller must supply to assume the role (empty for none), or null when it cannot: the
    /// engine's decision on the cached compiled set first; only when it is not an allow and hangs on keys the request
    /// lacks is the set analysed (compiled afresh) for what the caller could arrange.
    /// </summary>
    private static ImmutableArray<string>? Decide(OrganizationAuthorizer authorizer, ResolvedPrincipal caller, AccessQuestion question, DateTimeOffset asOf)
    {
        var asked = authorizer.WithGuardrailsFor(caller, question);
        var result = authorizer.Accounts.Authorize(caller, asked);
        if (result.Decision == Decision.Allow)
        {
            return [];
        }
        if (result.Explanation.MissingContextKeys.IsEmpty)
        {
            return null; // no key the request could add changes this answer
        }
        var analyzer = AccessAnalyzer.Create(authorizer.Accounts.PolicySet(caller, asked), caller.Arn,
            new AnalysisAssumptions(asOf, authorizer.ContextOf(caller, question.Context)));
        var check = analyzer.CheckOwned(question.Action, question.Resource, AccountOf(question.Resource) ?? caller.AccountId);
        return check.Verdict == AccessVerdict.Conditional && !check.ConditionKeys.Any(CallerIdentityKeys.Contains)
            ? check.ConditionKeys
            : null;
    }

    /// <summary>The AWS services and federated providers the trust policy admits, each decided by the engine on the trust policy alone.</summary>
    private static IEnumerable<RoleAssumer> NonIamPrincipals(OrganizationAuthorizer authorizer, ResolvedPrincipal role, NamedPolicy trustPolicy,
        PolicyDocument trust, RequestContext context, DateTimeOffset asOf)
    {
        var entries = trust.Statements.Where(static s => s.Effect == Effect.Allow && s.Principal is { IsNot: false })
            .SelectMany(static s => s.Principal!.Entries)
            .Where(static e => e.Type is PrincipalType.Service or PrincipalType.Federated)
            .DistinctBy(static e => (e.Type, e.Value))
            .ToList();
        if (entries.Count == 0)
        {
            yield break;
        }
        // A service or provider has no identity policies: the trust policy alone grants it.
        var set = new PolicySet { ResourcePolicy = trustPolicy };
        var organizationId = authorizer.Snapshot.Organization is { } org && authorizer.Snapshot.IsInOrganization(role.AccountId) ? org.Id : null;
        foreach (var entry in entries)
        {
            string action;
            RequestContext asked;
            if (entry.Type == PrincipalType.Service)
            {
                // The service acts for the role's own account, as the one that passed it the role.
                action = AssumeRole;
                asked = context.With("aws:PrincipalIsAWSService", ["true"]).With("aws:PrincipalServiceName", [entry.Value])
                    .With("aws:SourceAccount", [role.AccountId]);
                if (organizationId is not null)
                {
                    asked = asked.With("aws:SourceOrgID", [organizationId]);
                }
            }
            else
            {
                action = entry.Value.Contains(":saml-provider/", StringComparison.Ordinal) ? "sts:AssumeRoleWithSAML" : "sts:AssumeRoleWithWebIdentity";
                asked = context;
            }
            var check = AccessAnalyzer.Create(set, entry.Value, new AnalysisAssumptions(asOf, asked))
                .CheckOwned(action, role.Arn, role.AccountId);
            if (check.Verdict == AccessVerdict.Denied || (check.Verdict == AccessVerdict.Conditional && entry.Type == PrincipalType.Service
                && check.ConditionKeys.Any(CallerIdentityKeys.Contains)))
            {
                continue;
            }
            yield return entry.Type == PrincipalType.Service
                ? new RoleAssumer(entry.Value, AssumerKind.Service, role.AccountId, true, [], check.ConditionKeys, null)
                : new RoleAssumer(entry.Value, AssumerKind.Federated, AccountOf(entry.Value), false, [], check.ConditionKeys, null);
        }
    }

    /// <summary>The account a trust policy entry names as a whole: a bare 12-digit id or <c>arn:…:iam::ID:root</c>; else null.</summary>
    private static string? AccountNamed(string value)
    {
        var text = value.Trim();
        if (text.Length == 12 && text.All(char.IsAsciiDigit))
        {
            return text;
        }
        return Arn.TryParse(text, out var arn) && arn.Service == "iam" && arn.Resource == "root" ? arn.Account : null;
    }

    private static string? AccountOf(string arn) => Arn.TryParse(arn, out var parsed) && parsed.Account.Length == 12 ? parsed.Account : null;
}
