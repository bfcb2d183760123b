using System.Collections.Immutable;
using PolicyEngine.Explain;
using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation;

/// <summary>
/// A <see cref="PolicySet"/> compiled for evaluation: decides requests as AWS does, and explains the decisions.
/// </summary>
/// <remarks>
/// <threadsafety>Immutable: any number of threads may evaluate concurrently.</threadsafety>
/// <see cref="Decide"/> allocates nothing; <see cref="Evaluate"/> builds the full explanation.
/// </remarks>
public sealed class CompiledPolicySet
{
    private readonly CompiledStatement[] _statements;
    private readonly ActionIndex _index;
    private readonly int _serviceControlLevels;
    private readonly string? _managementAccount;

    internal CompiledPolicySet(CompiledStatement[] statements, ActionIndex index, ImmutableArray<PolicyError> errors,
        bool hasBoundary, bool hasSessionPolicy, int serviceControlLevels, bool hasResourceControlPolicies, bool hasResourcePolicy,
        string? managementAccount)
    {
        _managementAccount = managementAccount;
        _statements = statements;
        _index = index;
        Errors = errors;
        HasBoundary = hasBoundary;
        HasSessionPolicy = hasSessionPolicy;
        _serviceControlLevels = serviceControlLevels;
        AllServiceControlLevels = serviceControlLevels >= 64 ? ulong.MaxValue : (1UL << serviceControlLevels) - 1;
        HasResourceControlPolicies = hasResourceControlPolicies;
        HasResourcePolicy = hasResourcePolicy;
    }

    /// <summary>Grammar errors in the set's policies; the statements that could be read are evaluated regardless.</summary>
    public ImmutableArray<PolicyError> Errors { get; }

    /// <summary>How many statements the set holds.</summary>
    public int StatementCount => _statements.Length;

    internal bool HasBoundary { get; }

    /// <summary>Builds every service's slots now rather than when a request first needs them (benchmarks measure both).</summary>
    internal void ResolveAllServices() => _index.ResolveAll();

    internal bool HasSessionPolicy { get; }

    internal bool HasResourceControlPolicies { get; }

    internal bool HasResourcePolicy { get; }

    /// <summary>S3 Block Public Access's <c>RestrictPublicBuckets</c> is on and the bucket policy is public.</summary>
    internal bool RestrictsPublicPolicy { get; init; }

    /// <summary>One bit per SCP level.</summary>
    internal ulong AllServiceControlLevels { get; }

    /// <summary>
    /// SCPs restrict the caller: there are levels, it is not a service-linked role, and it is not in the management account.
    /// </summary>
    internal bool ServiceControlApplies(AuthorizationRequest request)
        => _serviceControlLevels > 0 && !request.Caller.IsServiceLinkedRole && !CallerInManagementAccount(request);

    /// <summary>
    /// RCPs restrict the resource: there are levels, the service supports RCPs, the caller is not a service-linked role,
    /// and the resource is not the management account's.
    /// </summary>
    internal bool ResourceControlApplies(AuthorizationRequest request)
        => HasResourceControlPolicies && request.IsResourceControlService && !request.Caller.IsServiceLinkedRole
            && !ResourceInManagementAccount(request);

    private bool CallerInManagementAccount(AuthorizationRequest request)
        => _managementAccount is not null && string.Equals(request.Caller.Account, _managementAccount, StringComparison.Ordinal);

    private bool ResourceInManagementAccount(AuthorizationRequest request)
        => _managementAccount is not null && string.Equals(request.ResourceAccount, _managementAccount, StringComparison.Ordinal);

    /// <summary>Decides <paramref name="request"/> without explaining: the fast path, allocation-free.</summary>
    public Decision Decide(AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IsGetCallerIdentity)
        {
            return Decision.Allow;
        }
        var slot = _index.Find(request);
        var scp = ServiceControlApplies(request);
        var rcp = ResourceControlApplies(request);
        foreach (var statement in slot.Denies)
        {
            if (Governs(statement, scp, rcp) && statement.Applies(request) != PrincipalMatch.None)
            {
                return Decision.ExplicitDeny;
            }
        }
        foreach (var entry in slot.TentativeDenies)
        {
            if (Governs(entry.Statement, scp, rcp) && entry.ActionMatches(request) && entry.Statement.Applies(request) != PrincipalMatch.None)
            {
                return Decision.ExplicitDeny;
            }
        }
        var tally = default(Tally);
        foreach (var statement in slot.Allows)
        {
            if (Governs(statement, scp, rcp) && tally.Needs(statement))
            {
                var match = statement.Applies(request);
                if (match != PrincipalMatch.None)
                {
                    tally.Add(statement, match);
                }
            }
        }
        foreach (var entry in slot.TentativeAllows)
        {
            var statement = entry.Statement;
            if (Governs(statement, scp, rcp) && tally.Needs(statement) && entry.ActionMatches(request))
            {
                var match = statement.Applies(request);
                if (match != PrincipalMatch.None)
                {
                    tally.Add(statement, match);
                }
            }
        }
        return DecisionRules.Decide(tally, this, request).Decision;
    }

    /// <summary>Decides <paramref name="request"/> and explains the decision statement by statement.</summary>
    public AuthorizationResult Evaluate(AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcomes = ImmutableArray.CreateBuilder<StatementOutcome>(_statements.Length);
        var matches = new PrincipalMatch[_statements.Length];
        var missing = new List<string>();
        var scp = ServiceControlApplies(request);
        var rcp = ResourceControlApplies(request);
        var tally = default(Tally);
        foreach (var statement in _statements)
        {
            var outcome = Explain(statement, request, Governance(statement, scp, rcp, request), missing, out var match);
            outcomes.Add(outcome);
            if (outcome.Status == StatementStatus.Matched && !statement.IsInert)
            {
                matches[statement.Id] = match;
                tally.Add(statement, match);
            }
        }
        var (decision, reason, level) = request.IsGetCallerIdentity
            ? (Decision.Allow, DecisionReason.AlwaysAllowed, null)
            : DecisionRules.Decide(tally, this, request);
        var deciding = _statements.Where(s => matches[s.Id] != PrincipalMatch.None && Decides(s, matches[s.Id], decision, reason))
            .Select(static s => s.Ref)
            .ToImmutableArray();
        var explanation = new Explanation(reason, level, outcomes.MoveToImmutable(),
            [.. missing.Distinct(StringComparer.OrdinalIgnoreCase)]);
        return new AuthorizationResult(decision, deciding, explanation);
    }

    /// <summary>
    /// Whether the statement's policy type governs the request, and if not why: the management account, or an S3 ACL
    /// grant S3 ignores.
    /// </summary>
    private StatementStatus Governance(CompiledStatement statement, bool scp, bool rcp, AuthorizationRequest request)
    {
        if (statement.IsDisabled)
        {
            return StatementStatus.AclIgnored;
        }
        if (Governs(statement, scp, rcp))
        {
            return StatementStatus.Matched;
        }
        var exempt = statement.Type switch
        {
            PolicyType.ServiceControl => CallerInManagementAccount(request) && !request.Caller.IsServiceLinkedRole,
            PolicyType.ResourceControl => ResourceInManagementAccount(request) && request.IsResourceControlService
                && !request.Caller.IsServiceLinkedRole,
            _ => false,
        };
        return exempt ? StatementStatus.ManagementAccountExempt : StatementStatus.NotApplicable;
    }

    private static bool Governs(CompiledStatement statement, bool scp, bool rcp) => statement.Type switch
    {
        PolicyType.ServiceControl => scp,
        PolicyType.ResourceControl => rcp,
        _ => true,
    };

    private static bool Decides(CompiledStatement statement, PrincipalMatch match, Decision decision, DecisionReason reason) => decision switch
    {
        Decision.ExplicitDeny => statement.Effect == Effect.Deny,
        Decision.Allow when reason == DecisionReason.AllowedByResourcePolicy =>
            statement.Type == PolicyType.Resource && (match & PrincipalMatch.Direct) != 0,
        Decision.Allow when reason == DecisionReason.AllowedByAccessControlList =>
            statement.Type == PolicyType.AccessControlList && (match & PrincipalMatch.Direct) != 0,
        Decision.Allow => statement.Type is PolicyType.Identity or PolicyType.Resource or PolicyType.AccessControlList,
        // The bucket policy's grants that RestrictPublicBuckets set aside.
        Decision.ImplicitDeny when reason == DecisionReason.RestrictedByBlockPublicAccess => statement.Type == PolicyType.Resource,
        _ => false,
    };

    /// <summary>
    /// What <paramref name="statement"/> did for <paramref name="request"/>; <paramref name="governance"/> is Matched when its
    /// policy type governs the request, else the status that says why not.
    /// </summary>
    private static StatementOutcome Explain(CompiledStatement statement, AuthorizationRequest request, StatementStatus governance,
        List<string> missing, out PrincipalMatch match)
    {
        match = PrincipalMatch.None;
        if (governance != StatementStatus.Matched)
        {
            return Outcome(statement, governance);
        }
        if (!statement.Action.Matches(request.ActionService, request.ActionName, request.Action))
        {
            return Outcome(statement, StatementStatus.ActionNotMatched);
        }
        if (statement.Resource is { } resource && !resource.Matches(request.Resource, request.Context, out var missingVariable))
        {
            if (missingVariable is not null)
            {
                missing.Add(missingVariable);
            }
            return Outcome(statement, StatementStatus.ResourceNotMatched);
        }
        var principal = statement.Principal?.Match(request.Caller) ?? PrincipalMatch.Direct;
        if (principal == PrincipalMatch.None)
        {
            return Outcome(statement, StatementStatus.PrincipalNotMatched);
        }
        ConditionFailure? failure = null;
        foreach (var condition in statement.Conditions)
        {
            var result = condition.Evaluate(request.Context);
            if (result.KeyMissing)
            {
                missing.Add(condition.Key);
            }
            if (result.MissingVariableKey is { } variable)
            {
                missing.Add(variable);
            }
            if (!result.Matched && failure is null)
            {
                var clause = condition.Clause;
                failure = new ConditionFailure(clause.OperatorName, clause.Key, [.. clause.Values.Select(static v => v.Value)],
                    request.Context.TryGetValues(clause.Key, out var values) ? values : [], result.KeyMissing);
            }
        }
        if (failure is not null)
        {
            return Outcome(statement, StatementStatus.ConditionNotMet, failure);
        }
        match = principal;
        return Outcome(statement, StatementStatus.Matched);
    }

    private static StatementOutcome Outcome(CompiledStatement statement, StatementStatus status, ConditionFailure? failure = null)
        => new(statement.Ref, statement.Effect, status, failure);
}
