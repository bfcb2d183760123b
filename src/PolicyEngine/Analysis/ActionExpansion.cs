using System.Collections.Concurrent;
using System.Collections.Immutable;
using PolicyEngine.Catalog;
using PolicyEngine.Model;

namespace PolicyEngine.Analysis;

/// <summary>Expands a statement's Action or NotAction into catalogue actions, caching each pattern once.</summary>
/// <remarks>
/// The cache is per catalogue pattern, not per request: policies repeat the same patterns (<c>s3:Get*</c>, <c>*</c>)
/// across principals, and the audit expands every principal's statements. Thread-safe.
/// </remarks>
internal static class ActionExpansion
{
    private static readonly ConcurrentDictionary<string, ImmutableArray<ActionInfo>> Cache = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, ImmutableArray<ActionInfo>> NotCache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every catalogue action, by service then name; an action's position is its dense id.</summary>
    public static ImmutableArray<ActionInfo> All => ActionCatalog.Default.Expand("*");

    /// <summary>The dense id of <paramref name="action"/>: its position in <see cref="All"/>.</summary>
    public static int IdOf(ActionInfo action) => action.Ordinal;

    /// <summary>The catalogue actions <paramref name="pattern"/> matches.</summary>
    public static ImmutableArray<ActionInfo> Expand(string pattern)
        => Cache.GetOrAdd(pattern, static p => ActionCatalog.Default.Expand(p));

    /// <summary>The catalogue actions <paramref name="spec"/> covers: the union of its patterns, or for NotAction their complement.</summary>
    public static ImmutableArray<ActionInfo> Expand(ActionSpec spec)
    {
        if (!spec.IsNot && spec.Values.Length == 1)
        {
            return Expand(spec.Values[0].Value);
        }
        if (spec.IsNot)
        {
            var key = string.Join('\n', spec.Values.Select(static v => v.Value).Order(StringComparer.OrdinalIgnoreCase));
            return NotCache.GetOrAdd(key, static (_, s) => Complement(s), spec);
        }
        var seen = new HashSet<ActionInfo>(ReferenceEqualityComparer.Instance);
        var result = ImmutableArray.CreateBuilder<ActionInfo>();
        foreach (var value in spec.Values)
        {
            foreach (var action in Expand(value.Value))
            {
                if (seen.Add(action))
                {
                    result.Add(action);
                }
            }
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<ActionInfo> Complement(ActionSpec spec)
    {
        var excluded = new HashSet<ActionInfo>(ReferenceEqualityComparer.Instance);
        foreach (var value in spec.Values)
        {
            excluded.UnionWith(Expand(value.Value));
        }
        return [.. ActionCatalog.Default.Expand("*").Where(a => !excluded.Contains(a))];
    }
}
