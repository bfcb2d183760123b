using System.Collections.Immutable;
using PolicyEngine.Catalog;
using PolicyEngine.Evaluation;
using PolicyEngine.Explain;
using PolicyEngine.Model;

namespace PolicyEngine.Analysis;

/// <summary>
/// Answers what one principal's policies allow: single checks, and the whole effective access, every decision made by
/// the compiled engine.
/// </summary>
/// <remarks>
/// <para>
/// Built once per principal (the policy set is compiled and every statement's actions expanded through the catalogue
/// once); then each check is one evaluation. The effective access groups catalogue actions that the same statements cover
/// in the same service: such actions get the same decision on the same resource, so each group is decided once per
/// resource pattern, which keeps <c>"Action": "*"</c> to a few hundred evaluations instead of tens of thousands.
/// </para>
/// <para>
/// Conditions: keys the <see cref="AnalysisAssumptions"/> supply are decided; a grant that needs any other key is
/// <see cref="AccessVerdict.Conditional"/> when some value of it lets the grant apply, naming the keys.
/// </para>
/// <threadsafety>Immutable after <see cref="Create"/>; any number of threads may use one instance.</threadsafety>
/// </remarks>
public sealed class AccessAnalyzer
{
    private readonly RequestContext _context;
    private readonly ImmutableArray<SourceStatement> _statements;
    private readonly Dictionary<StatementRef, SourceStatement> _sources;
    private System.Collections.Concurrent.ConcurrentDictionary<string, bool>? _unconditional;
    private System.Collections.Concurrent.ConcurrentDictionary<string, RequestContext>? _contextByAccount;

    private readonly PolicySet _policies;
    private readonly AnalysisAssumptions _assumptions;

    private AccessAnalyzer(string principal, PolicySet policies, AnalysisAssumptions assumptions, RequestContext context, CompiledPolicySet compiled, ImmutableArray<SourceStatement> statements)
    {
        _policies = policies;
        _assumptions = assumptions;
        Principal = principal;
        Compiled = compiled;
        _context = context;
        _statements = statements;
        _sources = Sources(compiled, statements);
    }

    /// <summary>
    /// Each compiled statement's source statement, for the reference an explanation names it by. The compiler names a
    /// statement as <see cref="Read"/> does, by policy name and position; two policies of a set may share a name (an inline
    /// and a managed policy), and then the compiled statements are told apart by reference, the k-th compiled statement of
    /// a name being the k-th read one (both go through the set in the same order).
    /// </summary>
    private static Dictionary<StatementRef, SourceStatement> Sources(CompiledPolicySet compiled, ImmutableArray<SourceStatement> statements)
    {
        var byName = new Dictionary<StatementRef, SourceStatement>(statements.Length);
        var shared = false;
        foreach (var statement in statements)
        {
            shared |= !byName.TryAdd(statement.Ref, statement);
        }
        if (!shared)
        {
            return byName;
        }
        var queues = statements.GroupBy(static s => s.Ref).ToDictionary(static g => g.Key, static g => new Queue<SourceStatement>(g));
        var byReference = new Dictionary<StatementRef, SourceStatement>(ReferenceEqualityComparer.Instance);
        foreach (var statement in compiled.Statements)
        {
            if (queues.TryGetValue(statement.Ref, out var queue) && queue.TryDequeue(out var source))
            {
                byReference[statement.Ref] = source;
            }
        }
        return byReference;
    }

    /// <summary>The principal's ARN; requests are made as this principal.</summary>
    public string Principal { get; }

    /// <summary>The compiled policy set every decision comes from.</summary>
    public CompiledPolicySet Compiled { get; }

    /// <summary>Compiles <paramref name="policies"/> for <paramref name="principal"/> and expands their actions.</summary>
    public static AccessAnalyzer Create(PolicySet policies, string principal, AnalysisAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(assumptions);
        return new AccessAnalyzer(principal, policies, assumptions, assumptions.ToContext(), PolicyCompiler.Compile(policies), [.. Read(policies)]);
    }

    /// <summary>
    /// The same principal and assumptions with <paramref name="resourcePolicy"/> as the resource's policy (a role's trust
    /// policy for <c>sts:AssumeRole</c>): what <see cref="Create"/> gives for the policies with that resource policy.
    /// </summary>
    /// <remarks>
    /// The principal's policies are not compiled or expanded again when nothing follows the resource policy in the set,
    /// so deciding one caller against many trust policies costs one small compile per trust policy.
    /// </remarks>
    public AccessAnalyzer WithResourcePolicy(NamedPolicy resourcePolicy)
    {
        ArgumentNullException.ThrowIfNull(resourcePolicy);
        var policies = _policies with { ResourcePolicy = resourcePolicy };
        if (!ResourcePolicyComesLast(_policies))
        {
            return Create(policies, Principal, _assumptions);
        }
        var added = Read(new PolicySet { ResourcePolicy = resourcePolicy });
        return new AccessAnalyzer(Principal, policies, _assumptions, _context, PolicyCompiler.WithResourcePolicy(Compiled, resourcePolicy), [.. _statements, .. added]);
    }

    /// <summary>Whether the compiler puts a resource policy added to <paramref name="set"/> after all its other statements.</summary>
    private static bool ResourcePolicyComesLast(PolicySet set)
        => set.ResourcePolicy is null && set.AccessPoint is null && set.VpcEndpointPolicy is null && set.BlockPublicAccess is null
            && set.BucketAcl.IsDefaultOrEmpty && set.ObjectAcl.IsDefaultOrEmpty;

    /// <summary>Decides one action on one resource.</summary>
    /// <param name="action">The action, <c>service:Name</c>.</param>
    /// <param name="resource">A resource ARN, or a pattern as a policy writes it (decided as that literal text).</param>
    /// <param name="context">Keys this request carries beyond the assumptions (<c>iam:PassedToService</c>, ...); they win.</param>
    public AccessCheck Check(string action, string resource, RequestContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        return CheckWithOwner(action, resource, PatternOwner(resource), context);
    }

    /// <summary>Decides one action on a resource owned by <paramref name="resourceAccount"/>, for ARNs that do not name their owner (S3).</summary>
    /// <param name="action">The action, <c>service:Name</c>.</param>
    /// <param name="resource">A resource ARN.</param>
    /// <param name="resourceAccount">The account that owns the resource; another account than the principal's makes the request cross-account.</param>
    /// <param name="context">Keys this request carries beyond the assumptions; they win.</param>
    public AccessCheck CheckOwned(string action, string resource, string resourceAccount, RequestContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(resourceAccount);
        return CheckWithOwner(action, resource, resourceAccount, context);
    }

    private AccessCheck CheckWithOwner(string action, string resource, string? owner, RequestContext? context)
    {
        var baseContext = context is null ? _context : context.WithMissing(_context.Entries);
        var result = Compiled.Evaluate(AuthorizationRequest.Create(Principal, action, resource, owner, baseContext));
        switch (result.Decision)
        {
            case Decision.Allow:
                var keys = UnknownKeys(result.DecidingStatements, baseContext)
                    .Concat(UnknownKeys(result.Explanation.Statements.Where(IsUnmetDeny).Select(static o => o.Statement), baseContext))
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
                return new AccessCheck(action, resource, keys.IsEmpty ? AccessVerdict.Allowed : AccessVerdict.Conditional, keys, result.DecidingStatements);
            case Decision.ImplicitDeny:
                return TrySatisfy(action, resource, owner, baseContext, result);
            default:
                return Denied(action, resource);
        }
    }

    /// <summary>
    /// Whether some statement that can grant covers <paramref name="action"/> by its Action or NotAction: a cheap
    /// necessary condition for any allow, read from the patterns without deciding anything.
    /// </summary>
    public bool MayAllow(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        foreach (var statement in _statements)
        {
            if (statement.Grants && Covers(statement.Statement.Action, action))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Decides one action on one resource without explaining it, when no statement covering the action (by Action or
    /// NotAction) has a condition: the verdict is then <see cref="AccessVerdict.Allowed"/> or
    /// <see cref="AccessVerdict.Denied"/>, as <see cref="Check"/> would give it, without building the explanation.
    /// Null when some covering statement has a condition; <see cref="Check"/> decides those.
    /// </summary>
    /// <remarks>For deciding one caller against many resources (role chains): the explanation is asked only for the few that are reported.</remarks>
    public AccessVerdict? QuickVerdict(string action, string resource)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        // Made on first use: most analyzers of an organisation's audit never take a quick verdict.
        var unconditional = LazyInitializer.EnsureInitialized(ref _unconditional, static () => new(StringComparer.OrdinalIgnoreCase));
        if (!unconditional.GetOrAdd(action, a => !_statements.Any(s => s.Statement.Conditions.Length > 0 && Covers(s.Statement.Action, a))))
        {
            return null;
        }
        var owner = PatternOwner(resource);
        var decision = Compiled.Decide(AuthorizationRequest.Create(Principal, action, resource, owner, ContextOwnedBy(owner, action, resource)));
        return decision == Decision.Allow ? AccessVerdict.Allowed : AccessVerdict.Denied;
    }

    /// <summary>
    /// The assumptions with the keys AWS derives from the caller and the resource's account already added, kept per
    /// account: a request built on it derives nothing again, which is most of a quick verdict's cost.
    /// </summary>
    private RequestContext ContextOwnedBy(string? owner, string action, string resource)
    {
        var account = owner ?? (Arn.TryParse(resource, out var arn) ? arn.Account : string.Empty);
        if (account.Length == 0)
        {
            return _context;
        }
        var byAccount = LazyInitializer.EnsureInitialized(ref _contextByAccount, static () => new(StringComparer.Ordinal));
        return byAccount.GetOrAdd(account, _ => AuthorizationRequest.Create(Principal, action, resource, owner, _context).Context);
    }

    /// <summary>The resource patterns the statements that can grant <paramref name="action"/> name for it.</summary>
    public ImmutableArray<string> ResourcePatterns(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return [.. _statements.Where(s => s.Grants && Covers(s.Statement.Action, action))
            .SelectMany(static s => s.ResourcePatterns).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Every allowed action, with the resource patterns it is allowed on and the statements that allow it.</summary>
    /// <param name="query">Optional service and resource filters.</param>
    public EffectiveAccess GetEffectiveAccess(AccessQuery? query = null)
    {
        query ??= AccessQuery.All;
        var groups = ActionGroups.Build([this], query.Service);
        var decided = new Dictionary<(int Group, string Resource), AccessCheck>();
        var relevance = new ResourceRelevance();
        var allowed = new List<(ActionInfo Info, ActionAccess Access)>();
        foreach (var (action, group) in groups.Actions)
        {
            var candidates = query.Resource is { } arn ? [arn] : groups.ResourcesOf(group);
            var grants = ImmutableArray.CreateBuilder<ResourceGrant>();
            foreach (var resource in candidates)
            {
                if (!relevance.Applies(action, resource, exact: query.Resource is not null))
                {
                    continue;
                }
                if (!decided.TryGetValue((group, resource), out var check))
                {
                    decided[(group, resource)] = check = CheckWithOwner(groups.Representative(group), resource, query.ResourceAccount ?? PatternOwner(resource), context: null);
                }
                if (check.IsAllowed)
                {
                    grants.Add(new ResourceGrant(resource, check.Verdict, check.ConditionKeys, check.GrantedBy));
                }
            }
            if (grants.Count > 0)
            {
                allowed.Add((action, new ActionAccess(action.FullName, action.AccessLevel, grants.ToImmutable())));
            }
        }
        return new EffectiveAccess(Principal, Group(allowed));
    }

    /// <summary>The statements the analyzer read, in policy-set order.</summary>
    internal ImmutableArray<SourceStatement> Statements => _statements;

    /// <summary>Buckets the allowed actions (already sorted by name) by service, then by access level.</summary>
    private static ImmutableArray<ServiceAccess> Group(List<(ActionInfo Info, ActionAccess Access)> allowed)
    {
        var services = ImmutableArray.CreateBuilder<ServiceAccess>();
        var levels = new SortedDictionary<AccessLevel, ImmutableArray<ActionAccess>.Builder>();
        string? current = null;
        foreach (var (info, access) in allowed.Append((null!, null!)))
        {
            if (current is not null && (info is null || !string.Equals(info.ServicePrefix, current, StringComparison.Ordinal)))
            {
                services.Add(new ServiceAccess(current, [.. levels.Select(static l => new LevelAccess(l.Key, l.Value.ToImmutable()))]));
                levels.Clear();
            }
            if (info is null)
            {
                break;
            }
            current = info.ServicePrefix;
            if (!levels.TryGetValue(info.AccessLevel, out var list))
            {
                levels[info.AccessLevel] = list = ImmutableArray.CreateBuilder<ActionAccess>();
            }
            list.Add(access);
        }
        return services.ToImmutable();
    }

    /// <summary>
    /// A pattern whose account field is a wildcard (<c>arn:aws:iam::*:policy/x-*</c>) covers the principal's own account:
    /// decide it as owned there, not as a cross-account resource of an account named <c>*</c>.
    /// </summary>
    private string? PatternOwner(string resource)
    {
        if (!Arn.TryParse(resource, out var pattern) || !Matching.Wildcard.HasWildcard(pattern.Account))
        {
            return null;
        }
        return Arn.TryParse(Principal, out var caller) ? caller.Account : null;
    }

    private AccessCheck TrySatisfy(string action, string resource, string? owner, RequestContext context, AuthorizationResult result)
    {
        // Only allows that failed for want of a key can be rescued; a key the request carries decided already.
        var blocked = result.Explanation.Statements
            .Where(static o => o.Effect == Effect.Allow && o.Status == StatementStatus.ConditionNotMet && o.FailedCondition is { KeyMissing: true })
            .Select(o => _sources.GetValueOrDefault(o.Statement))
            .OfType<SourceStatement>()
            .ToList();
        if (blocked.Count == 0)
        {
            return Denied(action, resource);
        }
        var witness = new Dictionary<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var clause in blocked.SelectMany(static s => s.Statement.Conditions))
        {
            if (!context.TryGetValues(clause.Key, out _) && ConditionSatisfier.Witness(clause) is { } values)
            {
                witness[clause.Key] = values;
            }
        }
        if (witness.Count == 0)
        {
            return Denied(action, resource);
        }
        var satisfied = RequestContext.Create(witness).WithMissing(context.Entries);
        var retry = Compiled.Evaluate(AuthorizationRequest.Create(Principal, action, resource, owner, satisfied));
        if (retry.Decision != Decision.Allow)
        {
            return Denied(action, resource);
        }
        var keys = witness.Keys.Concat(UnknownKeys(retry.DecidingStatements, context))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        return new AccessCheck(action, resource, AccessVerdict.Conditional, keys, retry.DecidingStatements);
    }

    private static AccessCheck Denied(string action, string resource) => new(action, resource, AccessVerdict.Denied, [], []);

    private static bool IsUnmetDeny(StatementOutcome outcome)
        => outcome.Effect == Effect.Deny && outcome.Status == StatementStatus.ConditionNotMet;

    /// <summary>Condition keys of <paramref name="refs"/> that <paramref name="context"/> does not supply: the request decides them.</summary>
    private IEnumerable<string> UnknownKeys(IEnumerable<StatementRef> refs, RequestContext context)
        => refs.Select(r => _sources.GetValueOrDefault(r))
            .OfType<SourceStatement>()
            .SelectMany(static s => s.Statement.Conditions)
            .Select(static c => c.Key)
            .Where(k => !context.TryGetValues(k, out _));

    private static bool Covers(ActionSpec spec, string action)
    {
        var listed = false;
        foreach (var value in spec.Values)
        {
            if (Matching.Wildcard.IsMatch(value.Value, action, ignoreCase: true))
            {
                listed = true;
                break;
            }
        }
        return listed != spec.IsNot;
    }

    /// <summary>Reads the set's statements in the compiler's order, naming them as the compiler does.</summary>
    private static IEnumerable<SourceStatement> Read(PolicySet set)
    {
        IEnumerable<(NamedPolicy Policy, PolicyType Type, int? Level)> policies = set.IdentityPolicies.Select(static p => (p, PolicyType.Identity, (int?)null));
        if (set.PermissionsBoundary is { } boundary)
        {
            policies = policies.Append((boundary, PolicyType.PermissionsBoundary, null));
        }
        if (set.SessionPolicy is { } session)
        {
            policies = policies.Append((session, PolicyType.Session, null));
        }
        policies = policies
            .Concat(Levels(set.ServiceControlPolicies, PolicyType.ServiceControl))
            .Concat(Levels(set.ResourceControlPolicies, PolicyType.ResourceControl));
        if (set.ResourcePolicy is { } resource)
        {
            policies = policies.Append((resource, PolicyType.Resource, null));
        }
        if (set.VpcEndpointPolicy is { } endpoint)
        {
            policies = policies.Append((endpoint, PolicyType.VpcEndpoint, null));
        }
        foreach (var (policy, type, level) in policies)
        {
            foreach (var statement in policy.Document?.Statements ?? [])
            {
                var reference = new StatementRef(type, policy.Name, level, statement.Index, statement.Sid, statement.Location.Path, statement.Location.Line, statement.Location.Column);
                yield return new SourceStatement(reference, statement, ActionExpansion.Expand(statement.Action));
            }
        }
    }

    private static IEnumerable<(NamedPolicy, PolicyType, int?)> Levels(ImmutableArray<ImmutableArray<NamedPolicy>> levels, PolicyType type)
        => levels.IsDefaultOrEmpty
            ? []
            : levels.SelectMany((level, i) => (level.IsDefault ? [] : level).Select(p => (p, type, (int?)i)));
}
