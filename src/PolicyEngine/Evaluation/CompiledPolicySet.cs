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
        string? managementAccount, AccessPoint? accessPoint, bool hasVpcEndpointPolicy)
    {
        _managementAccount = managementAccount;
        AccessPoint = accessPoint;
        _statements = statements;
        _index = index;
        Errors = errors;
        HasBoundary = hasBoundary;
        HasSessionPolicy = hasSessionPolicy;
        _serviceControlLevels = serviceControlLevels;
        AllServiceControlLevels = serviceControlLevels >= 64 ? ulong.MaxValue : (1UL << serviceControlLevels) - 1;
        HasResourceControlPolicies = hasResourceControlPolicies;
        HasResourcePolicy = hasResourcePolicy;
        HasVpcEndpointPolicy = hasVpcEndpointPolicy;
    }

    /// <summary>Grammar errors in the set's policies; the statements that could be read are evaluated regardless.</summary>
    public ImmutableArray<PolicyError> Errors { get; }

    /// <summary>How many statements the set holds.</summary>
    public int StatementCount => _statements.Length;

    internal bool HasBoundary { get; }

    /// <summary>The compiled statements, in compile order (<see cref="PolicyCompiler.WithResourcePolicy"/> extends them).</summary>
    internal IReadOnlyList<CompiledStatement> Statements => _statements;

    /// <summary>How many SCP levels the set holds.</summary>
    internal int ServiceControlLevels => _serviceControlLevels;

    /// <summary>The organization's management account, if the set names one.</summary>
    internal string? ManagementAccount => _managementAccount;

    /// <summary>Builds every service's slots now rather than when a request first needs them (benchmarks measure both).</summary>
    internal void ResolveAllServices() => _index.ResolveAll();

    internal bool HasSessionPolicy { get; }

    internal bool HasResourceControlPolicies { get; }

    internal bool HasResourcePolicy { get; }

    /// <summary>The access point of the set, if any; requests through it take <see cref="DecideThroughAccessPoint"/>.</summary>
    internal AccessPoint? AccessPoint { get; }

    /// <summary>The request goes through a VPC endpoint with a policy of its own, which must allow it.</summary>
    internal bool HasVpcEndpointPolicy { get; }

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
        // The one test a set without an access point pays; the loops below stay as they were for it.
        if (AccessPoint is not null)
        {
            return DecideThroughAccessPoint(request);
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

    /// <summary>
    /// <see cref="Decide"/> for a set with an access point: each statement is matched against the request its policy
    /// sees (<see cref="AccessPointRoute"/>), and the access point policy governs only requests through an access point.
    /// </summary>
    private Decision DecideThroughAccessPoint(AuthorizationRequest request)
    {
        var route = request.AccessPoint is null ? null : request.RouteThrough(AccessPoint!);
        var via = route?.Via ?? request;
        var bucket = route?.Bucket ?? request;
        var slot = _index.Find(via);
        var scp = ServiceControlApplies(via);
        var rcp = ResourceControlApplies(via);
        var through = route is not null;
        foreach (var statement in slot.Denies)
        {
            if (GovernsThrough(statement, scp, rcp, through) && AppliesThrough(statement, via, bucket) != PrincipalMatch.None)
            {
                return Decision.ExplicitDeny;
            }
        }
        foreach (var entry in slot.TentativeDenies)
        {
            if (GovernsThrough(entry.Statement, scp, rcp, through) && entry.ActionMatches(via)
                && AppliesThrough(entry.Statement, via, bucket) != PrincipalMatch.None)
            {
                return Decision.ExplicitDeny;
            }
        }
        var tally = default(Tally);
        foreach (var statement in slot.Allows)
        {
            if (GovernsThrough(statement, scp, rcp, through) && tally.Needs(statement))
            {
                var match = AppliesThrough(statement, via, bucket);
                if (match != PrincipalMatch.None)
                {
                    tally.Add(statement, match);
                }
            }
        }
        foreach (var entry in slot.TentativeAllows)
        {
            var statement = entry.Statement;
            if (GovernsThrough(statement, scp, rcp, through) && tally.Needs(statement) && entry.ActionMatches(via))
            {
                var match = AppliesThrough(statement, via, bucket);
                if (match != PrincipalMatch.None)
                {
                    tally.Add(statement, match);
                }
            }
        }
        return DecisionRules.Decide(tally, this, via).Decision;
    }

    /// <summary>
    /// Which request a statement is matched against through an access point: the bucket policy sees the bucket's ARN; an
    /// RCP, which only denies, applies when it matches either ARN (the conservative reading, the page being silent on
    /// RCPs); every other policy sees the access point ARN.
    /// </summary>
    private static PrincipalMatch AppliesThrough(CompiledStatement statement, AuthorizationRequest via, AuthorizationRequest bucket)
        => statement.Type switch
        {
            PolicyType.Resource => statement.Applies(bucket),
            PolicyType.ResourceControl when !ReferenceEquals(via, bucket) => statement.Applies(via) | statement.Applies(bucket),
            _ => statement.Applies(via),
        };

    /// <summary>Decides <paramref name="request"/> and explains the decision statement by statement.</summary>
    public AuthorizationResult Evaluate(AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcomes = ImmutableArray.CreateBuilder<StatementOutcome>(_statements.Length);
        var matches = new PrincipalMatch[_statements.Length];
        var missing = new List<string>();
        var route = AccessPoint is not null && request.AccessPoint is not null ? request.RouteThrough(AccessPoint) : null;
        var bucket = route?.Bucket ?? request;
        request = route?.Via ?? request;
        var scp = ServiceControlApplies(request);
        var rcp = ResourceControlApplies(request);
        var tally = default(Tally);
        foreach (var statement in _statements)
        {
            var governs = statement.Type == PolicyType.AccessPoint
                ? (route is not null ? StatementStatus.Matched : StatementStatus.NotApplicable)
                : Governance(statement, scp, rcp, request);
            var outcome = Explain(statement, statement.Type == PolicyType.Resource ? bucket : request, governs, missing, out var match);
            if (route is not null && statement.Type == PolicyType.ResourceControl && outcome.Status != StatementStatus.Matched)
            {
                // An RCP deny matched against either ARN (see AppliesThrough).
                var onBucket = Explain(statement, bucket, governs, missing, out var bucketMatch);
                if (onBucket.Status == StatementStatus.Matched)
                {
                    (outcome, match) = (onBucket, bucketMatch);
                }
            }
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

    /// <summary><see cref="Governs"/>, and the access point policy governs only requests through the access point.</summary>
    private static bool GovernsThrough(CompiledStatement statement, bool scp, bool rcp, bool throughAccessPoint)
        => statement.Type == PolicyType.AccessPoint ? throughAccessPoint : Governs(statement, scp, rcp);

    private static bool Decides(CompiledStatement statement, PrincipalMatch match, Decision decision, DecisionReason reason) => decision switch
    {
        Decision.ExplicitDeny => statement.Effect == Effect.Deny,
        Decision.Allow when reason == DecisionReason.AllowedByResourcePolicy =>
            statement.Type == PolicyType.Resource && (match & PrincipalMatch.Direct) != 0,
        Decision.Allow when reason == DecisionReason.AllowedByAccessControlList =>
            statement.Type == PolicyType.AccessControlList && (match & PrincipalMatch.Direct) != 0,
        Decision.Allow => statement.Type is PolicyType.Identity or PolicyType.Resource or PolicyType.AccessPoint or PolicyType.AccessControlList,
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
        if (statement.Resource is { } resource)
        {
            var covered = resource.Matches(request.Resource, request.Context, out var missingVariable);
            // Reported whether or not the resource is covered: a NotResource entry with no value excludes nothing.
            if (missingVariable is not null)
            {
                missing.Add(missingVariable);
            }
            if (!covered)
            {
                return Outcome(statement, StatementStatus.ResourceNotMatched);
            }
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
