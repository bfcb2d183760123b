using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation;

/// <summary>
/// Finds the statements that can apply to an action without scanning every statement: per service prefix, a hash of
/// every name a policy lists literally (its slot resolved at compile time), else the statements whose wildcard patterns
/// must be tested; for an unknown service, the statements whose Action has a wildcard prefix or is a NotAction.
/// </summary>
/// <remarks>
/// Large managed policies such as ReadOnlyAccess list thousands of names over hundreds of services; a request sees only
/// the statements of its own service. Slots holding the same statements are shared, which keeps the index small, and a
/// service's slots are built when a request first needs them (see <see cref="ServiceEntry"/>), so compiling costs
/// little more than grouping the statements by service.
/// </remarks>
internal sealed class ActionIndex
{
    private static readonly Dictionary<string, ActionSlot> NoNames = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, ServiceEntry> _services;
    private readonly List<CompiledStatement> _global;
    private readonly ActionSlot _globalSlot;

    private ActionIndex(Dictionary<string, ServiceEntry> services, List<CompiledStatement> global)
    {
        _services = services;
        _global = global;
        _globalSlot = Slot(global, static (s, _) => new TentativeEntry(s, [], s.Action.Global));
    }

    /// <summary>The slot for <paramref name="request"/>'s action.</summary>
    public ActionSlot Find(AuthorizationRequest request)
    {
        if (!_services.TryGetValue(request.ActionService, out var service))
        {
            return _globalSlot;
        }
        var slots = service.Slots(_global);
        return slots.ByName.TryGetValue(request.ActionName, out var slot) ? slot : slots.Other;
    }

    /// <summary>Builds the slots of every service now rather than on first use.</summary>
    internal void ResolveAll()
    {
        foreach (var service in _services.Values)
        {
            service.Slots(_global);
        }
    }

    /// <summary>Indexes <paramref name="statements"/> (in id order); inert and disabled statements are left out.</summary>
    public static ActionIndex Build(IReadOnlyList<CompiledStatement> statements)
    {
        var byService = new Dictionary<string, List<CompiledStatement>>(StringComparer.OrdinalIgnoreCase);
        var global = new List<CompiledStatement>();
        foreach (var statement in statements)
        {
            if (statement.IsInert || statement.IsDisabled)
            {
                continue;
            }
            foreach (var service in statement.Action.ByService.Keys)
            {
                if (!byService.TryGetValue(service, out var list))
                {
                    byService[service] = list = [];
                }
                list.Add(statement);
            }
            if (statement.Action.Global.Length > 0 || statement.Action.IsNot)
            {
                global.Add(statement);
            }
        }
        var services = new Dictionary<string, ServiceEntry>(byService.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (service, own) in byService)
        {
            services[service] = new ServiceEntry(service, own);
        }
        return new ActionIndex(services, global);
    }

    /// <summary>Resolves the slots of <paramref name="service"/> from its own statements and the global ones.</summary>
    internal static ServiceSlots BuildService(string service, List<CompiledStatement> own, List<CompiledStatement> global)
    {
        var candidates = Merge(own, global);
        var patterns = new ServicePatterns?[candidates.Count];
        var literalCount = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            patterns[i] = candidates[i].Action.ByService.GetValueOrDefault(service);
            literalCount += patterns[i]?.Exact.Length ?? 0;
        }
        var other = Slot(candidates, (s, i) => new TentativeEntry(s, patterns[i]?.Wildcards ?? [], s.Action.Global));
        if (candidates.Count > 64 || literalCount == 0)
        {
            // No name listed literally, or more statements for one service than the bitmask holds: every name of the
            // service goes to the tentative slot.
            return new ServiceSlots(NoNames, other);
        }

        // Which candidates list each name literally, one bit per candidate.
        var literal = new Dictionary<string, ulong>(literalCount, StringComparer.OrdinalIgnoreCase);
        var lookup = literal.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (patterns[i] is not { } servicePatterns)
            {
                continue;
            }
            foreach (var name in servicePatterns.Exact)
            {
                lookup.TryGetValue(name, out var bits);
                literal[name] = bits | (1UL << i);
            }
        }

        var byName = new Dictionary<string, ActionSlot>(literal.Count, StringComparer.OrdinalIgnoreCase);
        var shared = new Dictionary<ulong, ActionSlot>();
        foreach (var (name, bits) in literal)
        {
            var matched = 0UL;
            string? action = null;
            for (var i = 0; i < candidates.Count; i++)
            {
                var statement = candidates[i];
                var listed = (bits & (1UL << i)) != 0
                    || (patterns[i] is { Wildcards.Length: > 0 } p && ActionMatcher.ListedByName(p.Wildcards, name))
                    || (statement.Action.Global.Length > 0
                        && (statement.Action.ListsEverything
                            || ActionMatcher.ListedGlobally(statement.Action.Global, action ??= $"{service}:{name}")));
                if (listed != statement.Action.IsNot)
                {
                    matched |= 1UL << i;
                }
            }
            if (!shared.TryGetValue(matched, out var slot))
            {
                var statements = candidates.Where((_, i) => (matched & (1UL << i)) != 0).ToList();
                shared[matched] = slot = new ActionSlot(
                    [.. statements.Where(static s => s.Effect == Effect.Deny)],
                    [.. statements.Where(static s => s.Effect == Effect.Allow)],
                    [], []);
            }
            byName[name] = slot;
        }
        return new ServiceSlots(byName, other);
    }

    /// <summary>The statements of both lists, each once, in id order.</summary>
    private static List<CompiledStatement> Merge(List<CompiledStatement> own, List<CompiledStatement> global)
    {
        var merged = new List<CompiledStatement>(own.Count + global.Count);
        int i = 0, j = 0;
        while (i < own.Count || j < global.Count)
        {
            if (j == global.Count || (i < own.Count && own[i].Id < global[j].Id))
            {
                merged.Add(own[i++]);
            }
            else if (i == own.Count || global[j].Id < own[i].Id)
            {
                merged.Add(global[j++]);
            }
            else
            {
                merged.Add(own[i++]);
                j++;
            }
        }
        return merged;
    }

    /// <summary>A slot whose statements must all be tested, each with the patterns <paramref name="entry"/> gives it.</summary>
    private static ActionSlot Slot(List<CompiledStatement> statements, Func<CompiledStatement, int, TentativeEntry> entry)
    {
        var denies = new List<TentativeEntry>();
        var allows = new List<TentativeEntry>();
        for (var i = 0; i < statements.Count; i++)
        {
            (statements[i].Effect == Effect.Deny ? denies : allows).Add(entry(statements[i], i));
        }
        return new ActionSlot([], [], [.. denies], [.. allows]);
    }
}
