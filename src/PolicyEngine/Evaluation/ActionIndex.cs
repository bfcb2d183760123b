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
/// the statements of its own service. Slots holding the same statements are shared, which keeps the index small.
/// </remarks>
internal sealed class ActionIndex
{
    private readonly Dictionary<string, ServiceSlots> _services;
    private readonly ActionSlot _global;

    private ActionIndex(Dictionary<string, ServiceSlots> services, ActionSlot global)
    {
        _services = services;
        _global = global;
    }

    /// <summary>The slot for <paramref name="request"/>'s action.</summary>
    public ActionSlot Find(AuthorizationRequest request)
    {
        if (!_services.TryGetValue(request.ActionService, out var service))
        {
            return _global;
        }
        return service.ByName.TryGetValue(request.ActionName, out var slot) ? slot : service.Other;
    }

    /// <summary>Indexes <paramref name="statements"/> (in id order); inert statements are left out.</summary>
    public static ActionIndex Build(IReadOnlyList<CompiledStatement> statements)
    {
        var byService = new Dictionary<string, List<CompiledStatement>>(StringComparer.OrdinalIgnoreCase);
        var global = new List<CompiledStatement>();
        foreach (var statement in statements)
        {
            if (statement.IsInert)
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
        var services = new Dictionary<string, ServiceSlots>(byService.Count, StringComparer.OrdinalIgnoreCase);
        var scratch = new Scratch();
        foreach (var (service, own) in byService)
        {
            services[service] = BuildService(service, own, global, scratch);
        }
        return new ActionIndex(services, Slot(global.Select(static s => new TentativeEntry(s, [], s.Action.Global))));
    }

    private static ServiceSlots BuildService(string service, List<CompiledStatement> own, List<CompiledStatement> global, Scratch scratch)
    {
        var candidates = Merge(own, global);
        var patterns = new ServicePatterns?[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            patterns[i] = candidates[i].Action.ByService.GetValueOrDefault(service);
        }
        var other = Slot(candidates.Select((s, i) => new TentativeEntry(s, patterns[i]?.Wildcards ?? [], s.Action.Global)));
        if (candidates.Count > 64)
        {
            // More statements for one service than the bitmask holds: leave every name of it to the tentative slot.
            return new ServiceSlots(new Dictionary<string, ActionSlot>(StringComparer.OrdinalIgnoreCase), other);
        }

        // Which candidates list each name literally, one bit per candidate.
        var literal = scratch.Literal;
        literal.Clear();
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
        var shared = scratch.Shared;
        shared.Clear();
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

    /// <summary>Collections reused from one service to the next while building.</summary>
    private sealed class Scratch
    {
        public Dictionary<string, ulong> Literal { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<ulong, ActionSlot> Shared { get; } = [];
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

    private static ActionSlot Slot(IEnumerable<TentativeEntry> entries)
    {
        var list = entries.ToList();
        return new ActionSlot([], [],
            [.. list.Where(static e => e.Statement.Effect == Effect.Deny)],
            [.. list.Where(static e => e.Statement.Effect == Effect.Allow)]);
    }
}
