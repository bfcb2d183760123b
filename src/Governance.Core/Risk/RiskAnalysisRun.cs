using System.Collections.Concurrent;
using System.Collections.Immutable;
using Governance.Core.Accounts;
using PolicyEngine.Analysis;
using PolicyEngine.Catalog;
using PolicyEngine.Evaluation;

namespace Governance.Core.Risk;

/// <summary>One risk analysis of one account state: builds every subject once, then the findings of the audited principals.</summary>
internal sealed class RiskAnalysisRun
{
    private const string AssumeRole = RoleEdge.AssumeRole;
    private readonly AccountState _state;
    private readonly RiskAnalysisOptions _options;
    private readonly AnalysisAssumptions _assumptions;
    private readonly PolicyLibrary _library = new();
    private readonly List<Subject> _principals = [];
    private readonly List<Subject> _groups = [];
    // Worked out on first use and shared by the principals audited in parallel: a Lazy computes each entry once.
    private readonly ConcurrentDictionary<NamedPolicy, CompiledPolicySet> _compiledTrusts = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Subject, Lazy<RoleEdges>> _edges = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<EdgeTargets, EdgeTargets> _targets = new(EdgeTargets.Comparer);
    // By policy documents and trust policy (a parsed policy the library shares, so by reference).
    private readonly ConcurrentDictionary<(PolicyTextsKey Policies, NamedPolicy Trust), Lazy<EdgeTargets?>> _sharedTargets = new();
    private readonly ConcurrentDictionary<string, bool> _effectiveAdmin = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Subject, Lazy<bool>> _classified = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Subject, Lazy<ImmutableArray<Finding>>> _direct = new(ReferenceEqualityComparer.Instance);
    private readonly TrustIndex _trustIndex;
    private readonly Dictionary<string, List<Subject>> _principalsByAccount;
    private readonly Dictionary<string, List<Subject>> _groupsByAccount;
    private readonly ConcurrentDictionary<string, Lazy<List<Subject>>> _administrators = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Account, string Service), Lazy<List<Subject>>> _serviceAdministrators = new();
    private readonly AccessResults _accessResults;
    private readonly Dictionary<string, ImmutableArray<string>> _userGroups;

    public RiskAnalysisRun(AccountState state, RiskAnalysisOptions options, AccessResults? shared = null)
    {
        // Results of another time are other answers: shared only when the analyses assume the same moment.
        _accessResults = shared is not null && shared.AsOf == options.AsOf ? shared : new AccessResults(options.AsOf);
        _state = state;
        _options = options;
        _assumptions = new AnalysisAssumptions(options.AsOf);
        // Parsing every principal's documents is an organisation's first cost: in parallel (the library is thread-safe), in the state's order.
        _principals.AddRange(state.Principals.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, options.Parallelism)).Select(principal =>
            new Subject(principal.Arn, principal.AccountId, principal, null, _library.For(principal), _assumptions,
                principal.TrustPolicy is { } text ? _library.Get("trust-policy", text) : null)));
        foreach (var group in state.Snapshots.SelectMany(static s => s.Groups))
        {
            var set = _library.For(group, state);
            _groups.Add(new Subject(group.Arn, AccountSnapshot.AccountOf(group.Arn), null, group, set, _assumptions, null));
        }
        _userGroups = state.Snapshots.SelectMany(static s => s.Users).DistinctBy(static u => u.Arn, StringComparer.Ordinal)
            .ToDictionary(static u => u.Arn, static u => u.GroupNames, StringComparer.Ordinal);
        _trustIndex = new TrustIndex(_principals.Where(static p => p.IsRole && p.Trust is not null));
        // Escalation targets are the subject's own account's: looked up by account, not by scanning an organisation.
        _principalsByAccount = _principals.GroupBy(static p => p.AccountId, StringComparer.Ordinal).ToDictionary(static g => g.Key, static g => g.ToList(), StringComparer.Ordinal);
        _groupsByAccount = _groups.GroupBy(static g => g.AccountId, StringComparer.Ordinal).ToDictionary(static g => g.Key, static g => g.ToList(), StringComparer.Ordinal);
    }

    /// <remarks>
    /// Administrators and role edges are worked out on first use (<see cref="IsIamAdmin"/>, <see cref="EdgesOf"/>), so a
    /// run that audits one principal (a request's preview) pays for what that principal reaches, not for the account.
    /// </remarks>
    public AccountRisks Run()
    {
        if (_options.Principal is { } only)
        {
            return new AccountRisks(_options.AsOf, [.. _principals.Where(p => string.Equals(p.Arn, only, StringComparison.Ordinal)).Select(Audit)]);
        }
        // One account after another, its principals in parallel (independent once what they share is worked out on
        // first use); an account's compiled policies are let go when it is done, so memory follows the largest account,
        // not the organisation. What other accounts' chains need of it later (edges, administrators) is kept.
        var results = new PrincipalRisks[_principals.Count];
        foreach (var account in _principals.Select(static (p, i) => (Subject: p, Index: i)).GroupBy(static p => p.Subject.AccountId, StringComparer.Ordinal))
        {
            var subjects = account.Select(static p => p.Subject).ToList();
            Prepare(account.Key, subjects);
            var audited = ForEach(account.ToList(), p => (p.Index, Risks: Audit(p.Subject)));
            foreach (var (index, risks) in audited)
            {
                results[index] = risks;
            }
            foreach (var subject in subjects)
            {
                subject.Release();
            }
        }
        return new AccountRisks(_options.AsOf, [.. results]) { RoleGraph = _options.IncludeRoleGraph ? Graph() : null };
    }

    /// <summary>
    /// Works out what the account's audits share, one kind after another, each kind for every subject in parallel: which
    /// are administrators, the role edges, which roles become administrators by assuming others, the direct escalation
    /// paths. Worked out on first use instead, one thread would compute a shared answer (an account's administrators)
    /// while the others wait for it.
    /// </summary>
    private void Prepare(string account, List<Subject> subjects)
    {
        // Effective access of one subject for each set of policy documents: the others share it later instead of waiting
        // for whichever thread happens to be working it out (an administrator's takes the longest).
        ForEach([.. subjects.Where(static s => s.TextsKey is not null).DistinctBy(static s => s.TextsKey)], AccessOf);
        // Independent of each other, so one pass: each pass ends waiting for its slowest subject.
        ForEach(subjects, s => (IsIamAdmin(s), EdgesOf(s)));
        ForEach(subjects, s => IsEffectiveAdmin(s));
        _ = AdministratorsOf(account);
        ForEach(subjects, DirectEscalations);
    }

    /// <summary><paramref name="work"/> for each item, on <see cref="RiskAnalysisOptions.Parallelism"/> threads (1: on this one), results in order.</summary>
    /// <remarks>Parallel.For hands out work in small ranges as threads free up: subjects' costs differ by orders of magnitude (an administrator's effective access against a reader's).</remarks>
    private TResult[] ForEach<TItem, TResult>(List<TItem> items, Func<TItem, TResult> work)
    {
        var results = new TResult[items.Count];
        if (_options.Parallelism > 1)
        {
            Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism }, i => results[i] = work(items[i]));
        }
        else
        {
            for (var i = 0; i < items.Count; i++)
            {
                results[i] = work(items[i]);
            }
        }
        return results;
    }

    /// <summary>Every principal with what it is, and every edge; the edges' conditions, not their evidence.</summary>
    private RoleGraph Graph()
    {
        var nodes = _principals.Select(p => new RoleGraphNode(p.Arn, p.AccountId, p.Principal!.Kind, IsIamAdmin(p),
                [.. DirectEscalations(p).Select(static f => f.PathId).OfType<string>().Distinct(StringComparer.Ordinal)]))
            .ToImmutableArray();
        var edges = _principals.SelectMany(p => EdgesOf(p).All.Select(e => new RoleGraphEdge(p.Arn, e.Role.Arn, e.ConditionKeys))).ToImmutableArray();
        return new RoleGraph(nodes, edges);
    }

    private PrincipalRisks Audit(Subject subject)
    {
        var (summary, risks) = AccessOf(subject);
        var findings = new List<Finding>();
        if (IsIamAdmin(subject))
        {
            findings.Add(AdminFinding(subject));
        }
        else
        {
            findings.AddRange(DirectEscalations(subject));
            findings.AddRange(ChainEscalations(subject));
            findings.AddRange(risks);
        }
        var principal = subject.Principal!;
        return new PrincipalRisks(subject.Arn, principal.Name, principal.Kind, subject.AccountId, summary,
            [.. findings.OrderByDescending(static f => f.Severity).ThenBy(static f => f.Category)]);
    }

    /// <summary>
    /// The subject's effective access in numbers and the risk findings read from it, worked out once for every subject of
    /// the account with the same policy documents (forty roles with the same inline <c>"Action": "*"</c> under forty names
    /// are one computation) unless a policy depends on who the principal is.
    /// </summary>
    /// <remarks>
    /// The shared computation names the policies by position (<c>#0</c>, <c>#1</c>, <c>#boundary</c>); each subject's
    /// findings then name its own policies. Only that result is kept, never the effective access itself: an
    /// administrator's runs to megabytes, and an organisation holds thousands of principals.
    /// </remarks>
    private (AccessSummary Summary, ImmutableArray<Finding> Risks) AccessOf(Subject subject)
    {
        if (subject.TextsKey is not { } key)
        {
            var access = subject.Analyzer.GetEffectiveAccess();
            return (Summarize(access), [.. RiskFindings.For(subject, access)]);
        }
        var shared = _accessResults.ByTexts.GetOrAdd(key, static (_, state) => new Lazy<(AccessSummary, ImmutableArray<Finding>)>(() => state.Run.ByPosition(state.Subject)), (Run: this, Subject: subject)).Value;
        return (shared.Summary, [.. shared.Risks.Select(f => PolicyTextsKey.Rebind(f, subject))]);
    }

    /// <summary>What <see cref="AccessOf"/> shares: the subject's policies compiled under positional names.</summary>
    private (AccessSummary, ImmutableArray<Finding>) ByPosition(Subject subject)
    {
        var set = PolicyTextsKey.ByPosition(subject.Policies);
        var access = AccessAnalyzer.Create(set, subject.Arn, _assumptions).GetEffectiveAccess();
        return (Summarize(access), [.. RiskFindings.For(subject, access)]);
    }

    private static AccessSummary Summarize(EffectiveAccess access)
    {
        var byLevel = Enum.GetValues<AccessLevel>().ToImmutableSortedDictionary(
            static l => l, l => access.Services.Sum(s => s.Levels.Where(x => x.AccessLevel == l).Sum(static x => x.Actions.Length)));
        var conditional = access.Actions.Count(static a => !a.HasUnconditionalGrant);
        return new AccessSummary(access.Services.Length, access.ActionCount, byLevel, conditional);
    }

    // ---- phases, measured apart by bench/Governance.Benchmarks (RiskPhaseBenchmarks) ----

    /// <summary>Works out every principal's role edges as the audit does (the role-chain graph); their count.</summary>
    internal int BuildRoleEdges() => _principals.Sum(p => EdgesOf(p).All.Count());

    /// <summary>Works out every principal's effective access, shared as the audit shares it; the actions' count.</summary>
    internal int BuildEffectiveAccess() => _principals.Sum(p => AccessOf(p).Summary.Actions);

    /// <summary>Every principal's direct escalation paths (the catalogue's paths and their targets); their count.</summary>
    /// <remarks>Works out on first use what the targets need: administrators, the edges of the roles a path can use.</remarks>
    internal int FindDirectEscalations() => _principals.Sum(p => DirectEscalations(p).Length);

    /// <summary>Every chain finding the audit reports (for the principals that are not administrators); their count.</summary>
    /// <remarks>Works out on first use what it reaches: edges, administrators and the reached roles' direct escalations.</remarks>
    internal int FindChains() => _principals.Where(p => !IsIamAdmin(p)).Sum(p => ChainEscalations(p).Count());

    private static Finding AdminFinding(Subject subject) => new(
        FindingCategory.AdminEquivalent,
        RiskSeverity.Critical,
        subject.IsFullAdmin ? "Full administrator: every action on every resource" : "IAM administrator: can grant itself any permission",
        null,
        subject.IsFullAdmin ? ["*"] : ["iam:*"],
        [subject.Arn],
        [.. subject.AdminEvidence.Distinct().Select(r => FindingEvidence.From(subject.Arn, r))],
        []);

    /// <summary>Whether <paramref name="subject"/> is an IAM administrator, classifying it on first use (<see cref="AdminProbe"/>).</summary>
    private bool IsIamAdmin(Subject subject)
        => _classified.GetOrAdd(subject, static s => new Lazy<bool>(() =>
        {
            AdminProbe.Classify(s);
            return s.IsIamAdmin;
        })).Value;

    // ---- role chains ----

    /// <summary>The roles <paramref name="from"/> can assume, worked out on first use.</summary>
    private RoleEdges EdgesOf(Subject from)
        => _edges.GetOrAdd(from, static (_, state) => new Lazy<RoleEdges>(() => state.Run.Edges(state.From)), (Run: this, From: from)).Value;

    private RoleEdges Edges(Subject from)
    {
        var groups = ImmutableArray.CreateBuilder<EdgeGroup>();
        var policies = from.TextsKey;
        // Roles with the same trust policy text share one parsed policy: the caller's policies are combined with it once.
        foreach (var roles in _trustIndex.Candidates(from, from.Analyzer.MayAllow(AssumeRole)).GroupBy(static r => r.Trust!))
        {
            // A trust that names no caller treats the account's callers alike: those with the same policy documents get
            // the same verdicts, decided once, when no statement on sts:AssumeRole has a condition (which could read who calls).
            var targets = policies is not null && _trustIndex.IsCallerNeutral(roles.Key)
                ? _sharedTargets.GetOrAdd((policies, roles.Key), static (_, state) => new Lazy<EdgeTargets?>(
                    () => state.Run.Decide(state.From, state.Roles, unconditionalOnly: true)), (Run: this, From: from, Roles: roles)).Value
                : null;
            targets ??= Decide(from, roles, unconditionalOnly: false)!;
            if (targets.Roles.Any(r => !ReferenceEquals(r, from)))
            {
                groups.Add(new EdgeGroup(from, roles.Key, targets));
            }
        }
        return new RoleEdges(from, groups.ToImmutable());
    }

    /// <summary>
    /// Which of <paramref name="roles"/> (sharing one trust policy) <paramref name="from"/> may assume, itself included;
    /// null when <paramref name="unconditionalOnly"/> and an edge depends on a condition.
    /// </summary>
    private EdgeTargets? Decide(Subject from, IGrouping<NamedPolicy, Subject> roles, bool unconditionalOnly)
    {
        // The caller's policies stay compiled; only the trust policy is added (the engine combines them as AWS does).
        var decider = from.Analyzer.WithResourcePolicy(roles.Key);
        var allowed = ImmutableArray.CreateBuilder<Subject>();
        var keys = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var role in roles)
        {
            // Allocation-free when no statement on sts:AssumeRole has a condition; the explanation waits for a report that needs it.
            switch (decider.QuickVerdict(AssumeRole, role.Arn))
            {
                case AccessVerdict.Allowed:
                    allowed.Add(role);
                    keys.Add([]);
                    break;
                case null when unconditionalOnly:
                    return null;
                case null when decider.Check(AssumeRole, role.Arn) is { IsAllowed: true } check:
                    allowed.Add(role);
                    keys.Add(check.ConditionKeys);
                    break;
            }
        }
        var targets = new EdgeTargets(allowed.ToImmutable(), keys.ToImmutable());
        return _targets.GetOrAdd(targets, targets);
    }

    /// <summary>Whether <paramref name="role"/> is an administrator or can become one by assuming roles.</summary>
    private bool IsEffectiveAdmin(Subject role) => IsEffectiveAdmin(role, []);

    private bool IsEffectiveAdmin(Subject role, HashSet<string> visiting)
    {
        if (_effectiveAdmin.TryGetValue(role.Arn, out var known))
        {
            return known;
        }
        if (IsIamAdmin(role))
        {
            return _effectiveAdmin[role.Arn] = true;
        }
        if (!visiting.Add(role.Arn) || visiting.Count > _options.MaxChainDepth + 1)
        {
            return false;
        }
        var result = EdgesOf(role).Roles.Any(r => IsEffectiveAdmin(r, visiting));
        visiting.Remove(role.Arn);
        if (visiting.Count == 0)
        {
            // Only a search from this role decides it: deeper in a search, the roles being visited are cut off.
            _effectiveAdmin[role.Arn] = result;
        }
        return result;
    }

    /// <summary>
    /// The chains from <paramref name="start"/>, summarised: for each kind of power a chain reaches (an administrator, or
    /// an escalation path of the catalogue), the most severe chain, the shortest of those, with the count of the others.
    /// </summary>
    /// <remarks>
    /// Breadth first, so each role is reached by its shortest chain and a role seen once is never revisited (cycles). A
    /// role reachable by many callers would otherwise be reported once per caller and per role, which grows with the
    /// square of the roles. Evidence is built only for the chains reported.
    /// </remarks>
    private IEnumerable<Finding> ChainEscalations(Subject start)
    {
        var best = new Dictionary<string, (RiskSeverity Severity, int Step, Finding? Reached, int Count)>(StringComparer.Ordinal);
        var order = new List<string>();
        void Offer(string kind, RiskSeverity severity, int step, Finding? reached)
        {
            if (!best.TryGetValue(kind, out var held))
            {
                order.Add(kind);
                best[kind] = (severity, step, reached, 1);
            }
            else
            {
                best[kind] = severity > held.Severity ? (severity, step, reached, held.Count + 1) : held with { Count = held.Count + 1 };
            }
        }

        // The search's steps: each the edge taken (its group and index), the step it extends (-1 from the start), its
        // length and whether any edge so far is conditional; a chain is built only for the steps reported.
        var steps = new List<(EdgeGroup Group, int Index, int Parent, int Length, bool Conditional)>();
        var seen = new HashSet<Subject>(ReferenceEqualityComparer.Instance) { start };
        // Sets of edges already taken: each of their roles is seen, at a length no greater than taking them again would give.
        var taken = new HashSet<EdgeTargets>(ReferenceEqualityComparer.Instance);
        void Expand(Subject from, int parent, int length, bool conditional)
        {
            foreach (var group in EdgesOf(from).Groups)
            {
                if (!taken.Add(group.Targets))
                {
                    continue;
                }
                var targets = group.Targets;
                for (var i = 0; i < targets.Roles.Length; i++)
                {
                    if (seen.Add(targets.Roles[i]))
                    {
                        steps.Add((group, i, parent, length + 1, conditional || !targets.ConditionKeys[i].IsEmpty));
                    }
                }
            }
        }
        Expand(start, -1, 0, false);
        for (var next = 0; next < steps.Count; next++)
        {
            var (group, index, _, length, conditional) = steps[next];
            var role = group.Targets.Roles[index];
            if (IsIamAdmin(role))
            {
                Offer(AssumeRolePathId, conditional ? RiskSeverity.Medium : RiskSeverity.High, next, null);
                continue;
            }
            foreach (var finding in DirectEscalations(role))
            {
                Offer(finding.PathId ?? finding.Title, conditional ? RiskSeverity.Medium : finding.Severity, next, finding);
            }
            if (length < _options.MaxChainDepth)
            {
                Expand(role, next, length, conditional);
            }
        }
        ImmutableArray<RoleEdge> ChainTo(int step)
        {
            var chain = new RoleEdge[steps[step].Length];
            for (var at = step; at >= 0; at = steps[at].Parent)
            {
                chain[steps[at].Length - 1] = steps[at].Group.Edge(steps[at].Index);
            }
            return [.. chain];
        }
        return [.. order.Select(kind => best[kind]).Select(held => ChainFinding(start, held.Severity, ChainTo(held.Step), held.Reached) with { OtherChains = held.Count - 1 })];
    }

    private const string AssumeRolePathId = "sts-assume-role";

    /// <summary>The finding of one chain: to an administrator (<paramref name="reached"/> null), or to the reached role's escalation.</summary>
    private static Finding ChainFinding(Subject start, RiskSeverity severity, ImmutableArray<RoleEdge> chain, Finding? reached)
    {
        var path = chain.Select(static e => e.Role.Arn).Prepend(start.Arn).ToImmutableArray();
        var evidence = ChainEvidence(start, chain);
        var keys = chain.SelectMany(static e => e.ConditionKeys).Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        if (reached is null)
        {
            return new Finding(FindingCategory.PrivilegeEscalation, severity,
                $"Assumes {Describe(chain)}, an administrator", AssumeRolePathId, [AssumeRole], path, evidence, keys);
        }
        return reached with
        {
            Title = $"Assumes {Describe(chain)}, which can: {reached.Title}",
            Severity = severity,
            Actions = [AssumeRole, .. reached.Actions],
            Path = [.. path, .. reached.Path.Skip(1)],
            Evidence = [.. evidence, .. reached.Evidence],
            ConditionKeys = [.. keys, .. reached.ConditionKeys],
        };
    }

    private static string Describe(ImmutableArray<RoleEdge> chain) => string.Join(" → ", chain.Select(static e => e.Role.Principal!.Name));

    private static ImmutableArray<FindingEvidence> ChainEvidence(Subject start, ImmutableArray<RoleEdge> chain)
    {
        var evidence = ImmutableArray.CreateBuilder<FindingEvidence>();
        var caller = start.Arn;
        foreach (var edge in chain)
        {
            foreach (var statement in edge.GrantedBy)
            {
                // The trust policy's statements belong to the role; the identity statements to the caller.
                evidence.Add(FindingEvidence.From(statement.PolicyType == PolicyType.Resource ? edge.Role.Arn : caller, statement));
            }
            caller = edge.Role.Arn;
        }
        return evidence.ToImmutable();
    }

    // ---- direct escalation paths ----

    private ImmutableArray<Finding> DirectEscalations(Subject subject)
        => _direct.GetOrAdd(subject, static (_, state) => new Lazy<ImmutableArray<Finding>>(() => state.Run.ComputeDirectEscalations(state.Subject)), (Run: this, Subject: subject)).Value;

    private ImmutableArray<Finding> ComputeDirectEscalations(Subject subject)
    {
        var findings = ImmutableArray.CreateBuilder<Finding>();
        // A service-linked role is assumed only by its service, which does what AWS designed it to; nobody can turn it.
        if (!IsIamAdmin(subject) && subject.Principal?.IsServiceLinked != true)
        {
            foreach (var path in EscalationCatalog.Paths)
            {
                if (path.Steps.All(step => step.Any(subject.Analyzer.MayAllow)) && TryPath(subject, path) is { } finding)
                {
                    findings.Add(finding);
                }
            }
        }
        return findings.ToImmutable();
    }

    private Finding? TryPath(Subject subject, EscalationPath path)
    {
        foreach (var target in Targets(subject, path))
        {
            var evidence = new List<FindingEvidence>();
            var actions = new List<string>();
            var keys = new List<string>();
            var holds = true;
            foreach (var step in path.Steps)
            {
                var allowed = step.Select(a => CheckStep(subject, path, target, a)).FirstOrDefault(static c => c is { IsAllowed: true });
                if (allowed is null)
                {
                    holds = false;
                    break;
                }
                actions.Add(allowed.Action);
                keys.AddRange(allowed.ConditionKeys);
                evidence.AddRange(allowed.GrantedBy.Select(r => FindingEvidence.From(subject.Arn, r)));
            }
            if (!holds)
            {
                continue;
            }
            var severity = target.Direct && keys.Count == 0 ? RiskSeverity.High : RiskSeverity.Medium;
            var title = $"{path.Name}: {string.Join(" + ", actions)} on {target.Label}";
            ImmutableArray<string> route = target.Arn is null ? [subject.Arn] : [subject.Arn, target.Arn];
            return new Finding(FindingCategory.PrivilegeEscalation, severity, title, path.Id, [.. actions], route,
                [.. evidence.Distinct()], [.. keys.Distinct(StringComparer.OrdinalIgnoreCase)]);
        }
        return null;
    }

    private static AccessCheck? CheckStep(Subject subject, EscalationPath path, ResolvedTarget target, string action)
    {
        if (string.Equals(action, "iam:PassRole", StringComparison.OrdinalIgnoreCase) && target.Arn is { } role)
        {
            var context = RequestContext.Create([KeyValuePair.Create("iam:PassedToService", path.Service ?? string.Empty)]);
            return subject.Analyzer.Check(action, role, context);
        }
        if (path.Target is not (EscalationTarget.PassedRole or EscalationTarget.ServiceRole) && target.Arn is { } arn)
        {
            return subject.Analyzer.Check(action, arn);
        }
        var patterns = subject.Analyzer.ResourcePatterns(action);
        foreach (var resource in ProbeArns.For(action, patterns, subject.AccountId).Distinct(StringComparer.Ordinal))
        {
            var check = subject.Analyzer.Check(action, resource);
            if (check.IsAllowed)
            {
                return check;
            }
        }
        return null;
    }

    private IEnumerable<ResolvedTarget> Targets(Subject subject, EscalationPath path)
    {
        const int MaxProxies = 5;
        var sameAccount = PrincipalsOf(subject.AccountId).Where(p => !ReferenceEquals(p, subject));
        var groups = _groupsByAccount.GetValueOrDefault(subject.AccountId) ?? [];
        switch (path.Target)
        {
            case EscalationTarget.PassedRole:
            case EscalationTarget.ServiceRole:
                return AdministratorRolesFor(subject.AccountId, path.Service!).Where(r => !ReferenceEquals(r, subject))
                    .Select(r => new ResolvedTarget(r.Arn, true, $"{Name(r)} (an administrator role {path.Service} can use)"));
            case EscalationTarget.SelfUser:
                return subject.IsUser
                    ? [new(subject.Arn, true, "itself")]
                    : sameAccount.Where(static p => p.IsUser).Take(MaxProxies).Select(p => new ResolvedTarget(p.Arn, false, $"another user, {Name(p)}"));
            case EscalationTarget.SelfRole:
                return subject.IsRole
                    ? [new(subject.Arn, true, "itself")]
                    : EdgesOf(subject).Roles.Select(r => new ResolvedTarget(r.Arn, true, $"{Name(r)}, a role it can assume"))
                        .Concat(sameAccount.Where(static p => p.IsRole && !p.Principal!.IsServiceLinked).Take(MaxProxies)
                            .Select(p => new ResolvedTarget(p.Arn, false, $"another role, {Name(p)}")));
            case EscalationTarget.OwnGroup:
                var own = subject.IsUser ? groups.Where(g => OwnGroupNames(subject).Contains(g.Group!.GroupName)).ToList() : [];
                return own.Select(g => new ResolvedTarget(g.Arn, true, $"its group {g.Group!.GroupName}"))
                    .Concat(groups.Where(g => !own.Contains(g)).Take(MaxProxies)
                        .Select(g => new ResolvedTarget(g.Arn, false, $"another group, {g.Group!.GroupName}")));
            case EscalationTarget.PrivilegedGroup:
                return groups.Where(g => IsIamAdmin(g) && !(subject.IsUser && OwnGroupNames(subject).Contains(g.Group!.GroupName)))
                    .Select(g => new ResolvedTarget(g.Arn, subject.IsUser, $"{g.Group!.GroupName} (an administrators' group)"));
            case EscalationTarget.PrivilegedUser:
                return AdministratorsOf(subject.AccountId).Where(p => p.IsUser && !ReferenceEquals(p, subject))
                    .Select(p => new ResolvedTarget(p.Arn, true, $"{Name(p)} (an administrator)"));
            case EscalationTarget.OwnPolicy:
                return subject.Principal!.IdentityPolicies
                    .Where(static p => p.Arn is { } arn && !arn.Contains(":aws:policy/", StringComparison.Ordinal))
                    .Select(p => new ResolvedTarget(p.Arn!, HasOtherVersions(p, path), $"its policy {p.Name}"));
            case EscalationTarget.PrivilegedRole:
                return AdministratorsOf(subject.AccountId).Where(p => p.IsRole && !p.Principal!.IsServiceLinked && !ReferenceEquals(p, subject))
                    .Select(p => new ResolvedTarget(p.Arn, true, $"{Name(p)} (an administrator role)"));
            default:
                return [];
        }
    }

    private List<Subject> PrincipalsOf(string account) => _principalsByAccount.GetValueOrDefault(account) ?? [];

    /// <summary>The account's users and roles that are administrators or become one by assuming roles, worked out once per account.</summary>
    private List<Subject> AdministratorsOf(string account)
        => _administrators.GetOrAdd(account, static (account, run) => new Lazy<List<Subject>>(() => [.. run.PrincipalsOf(account).Where(run.IsEffectiveAdmin)]), this).Value;

    /// <summary>The account's roles that <paramref name="service"/> may assume and that are administrators in effect: what passing a role to it gains.</summary>
    private List<Subject> AdministratorRolesFor(string account, string service)
        => _serviceAdministrators.GetOrAdd((account, service), static (key, run) => new Lazy<List<Subject>>(
            // Administrators first: few roles are, and each trust policy asked is compiled.
            () => [.. run.PrincipalsOf(key.Account).Where(r => r.IsRole && run.IsEffectiveAdmin(r) && run.TrustsService(r, key.Service))]), this).Value;

    /// <summary>Switching versions needs another version to switch to; creating one does not.</summary>
    private bool HasOtherVersions(PrincipalPolicy policy, EscalationPath path)
        => path.Id != "iam-set-default-policy-version" || (_state.FindPolicy(policy.Arn!)?.Versions.Length ?? 0) > 1;

    private HashSet<string> OwnGroupNames(Subject user)
        => _userGroups.TryGetValue(user.Arn, out var groups) ? [.. groups] : [];

    private static string Name(Subject subject) => subject.Principal?.Name ?? subject.Group?.GroupName ?? subject.Arn;

    private bool TrustsService(Subject role, string service)
    {
        // Roles with the same trust text share one parsed policy (the library's), so it is compiled once for all of them.
        var trust = _compiledTrusts.GetOrAdd(role.Trust!, static trust => PolicyCompiler.Compile(new PolicySet { ResourcePolicy = trust }));
        return trust.Decide(AuthorizationRequest.Create(service, AssumeRole, role.Arn)) == Decision.Allow;
    }
}
