using System.Collections.Frozen;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation;

/// <summary>
/// Finds the statements that can apply to an action without scanning every statement: a hash of every action name a
/// policy lists literally (its slot already resolved at compile time), then a bucket per service prefix, then the
/// statements whose Action has a wildcard prefix or is a NotAction.
/// </summary>
/// <remarks>Large managed policies such as ReadOnlyAccess list hundreds of services; a request sees only its own.</remarks>
internal sealed class ActionIndex
{
    private readonly FrozenDictionary<string, ActionSlot> _exact;
    private readonly FrozenDictionary<string, ActionSlot> _services;
    private readonly ActionSlot _global;

    private ActionIndex(FrozenDictionary<string, ActionSlot> exact, FrozenDictionary<string, ActionSlot> services, ActionSlot global)
    {
        _exact = exact;
        _services = services;
        _global = global;
    }

    /// <summary>The slot for <paramref name="request"/>'s action.</summary>
    public ActionSlot Find(AuthorizationRequest request)
        => _exact.TryGetValue(request.Action, out var slot) || _services.TryGetValue(request.ActionService, out slot) ? slot : _global;

    /// <summary>Indexes <paramref name="statements"/>; inert statements are left out.</summary>
    public static ActionIndex Build(IReadOnlyList<CompiledStatement> statements)
    {
        var byService = new Dictionary<string, List<CompiledStatement>>(StringComparer.OrdinalIgnoreCase);
        var global = new List<CompiledStatement>();
        var exactNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
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
            if (!statement.Action.IsNot)
            {
                exactNames.UnionWith(statement.Action.ExactNames);
            }
        }

        var exact = new Dictionary<string, ActionSlot>(StringComparer.OrdinalIgnoreCase);
        foreach (var action in exactNames)
        {
            var colon = action.IndexOf(':', StringComparison.Ordinal);
            var (service, name) = (action[..colon], action[(colon + 1)..]);
            var matching = Candidates(byService.GetValueOrDefault(service), global)
                .Where(s => s.Action.Matches(service, name, action))
                .ToList();
            exact[action] = new ActionSlot(
                [.. matching.Where(static s => s.Effect == Effect.Deny)],
                [.. matching.Where(static s => s.Effect == Effect.Allow)],
                [], []);
        }

        var services = byService.ToDictionary(
            e => e.Key,
            e => Tentative(Candidates(e.Value, global).Select(s => new TentativeEntry(s, s.Action.ByService.GetValueOrDefault(e.Key), s.Action.Global))),
            StringComparer.OrdinalIgnoreCase);
        var globalSlot = Tentative(global.Select(static s => new TentativeEntry(s, null, s.Action.Global)));
        return new ActionIndex(
            exact.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            services.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            globalSlot);
    }

    private static IEnumerable<CompiledStatement> Candidates(List<CompiledStatement>? service, List<CompiledStatement> global)
        => (service ?? []).Concat(global).DistinctBy(static s => s.Id).OrderBy(static s => s.Id);

    private static ActionSlot Tentative(IEnumerable<TentativeEntry> entries)
    {
        var list = entries.ToList();
        return new ActionSlot([], [],
            [.. list.Where(static e => e.Statement.Effect == Effect.Deny)],
            [.. list.Where(static e => e.Statement.Effect == Effect.Allow)]);
    }
}
