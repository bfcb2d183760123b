using System.Collections;
using System.Collections.Immutable;
using PolicyEngine.Catalog;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Analysis;

/// <summary>
/// Partitions the catalogue actions some statement can grant into groups that every statement treats alike: the same
/// statements cover them (in each analyzer given) and they share a service. One decision per group and resource then
/// stands for every action of the group.
/// </summary>
/// <remarks>
/// Works on dense action ids: each statement marks the ids it covers in a bit set, so grouping twenty thousand actions
/// costs a few array passes. Actions AWS decides by special rules (<c>sts:AssumeRole</c> needs the trust policy,
/// <c>sts:GetCallerIdentity</c> is always allowed) each form a group of their own.
/// </remarks>
internal sealed class ActionGroups
{
    // Each thread's catalogue-sized scratch for action signatures, all zero between builds.
    [ThreadStatic]
    private static long[]? SignatureScratch;

    private readonly List<string> _representatives = [];
    private readonly List<ImmutableArray<string>> _resources = [];

    private ActionGroups()
    {
    }

    /// <summary>Every candidate action with its group, in catalogue order (by service, then name).</summary>
    public List<(ActionInfo Action, int Group)> Actions { get; } = [];

    /// <summary>The action decisions of <paramref name="group"/> are made with.</summary>
    public string Representative(int group) => _representatives[group];

    /// <summary>The resource patterns the statements of <paramref name="group"/> name, <c>*</c> first.</summary>
    public ImmutableArray<string> ResourcesOf(int group) => _resources[group];

    /// <summary>Groups the actions the granting statements of <paramref name="analyzers"/> cover, in <paramref name="service"/> if given.</summary>
    public static ActionGroups Build(IReadOnlyList<AccessAnalyzer> analyzers, string? service)
    {
        var statements = analyzers.SelectMany(static a => a.Statements).ToList();
        var all = ActionExpansion.All;
        var granted = new BitArray(all.Length);
        var covers = new BitArray[statements.Count];
        // By id, in this thread's scratch array, cleared after each build: a catalogue-sized array per principal would be
        // a large-object allocation each time, which an audit of thousands of principals pays for in full collections.
        var signature = SignatureScratch is { } scratch && scratch.Length >= all.Length ? scratch : SignatureScratch = new long[all.Length];
        var touched = new List<int>();
        // The granted ids, so that a principal allowed ten actions visits ten, not the whole catalogue.
        var grantedIds = new List<int>();
        try
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var bits = covers[i] = new BitArray(all.Length);
                foreach (var action in statements[i].Actions)
                {
                    if (service is not null && !string.Equals(action.ServicePrefix, service, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }
                    var id = ActionExpansion.IdOf(action);
                    bits[id] = true;
                    if (signature[id] == 0)
                    {
                        touched.Add(id);
                    }
                    // Invariant: two actions get the same signature only when the same statements cover them (up to a
                    // 64-bit hash collision, which would merely decide one with the other's representative).
                    signature[id] = unchecked((signature[id] * 1_000_003) + i + 1);
                    if (statements[i].Grants && !granted[id])
                    {
                        granted[id] = true;
                        grantedIds.Add(id);
                    }
                }
            }
            grantedIds.Sort();
            return Group(all, statements, covers, grantedIds, signature);
        }
        finally
        {
            foreach (var id in touched)
            {
                signature[id] = 0;
            }
        }
    }

    private static ActionGroups Group(ImmutableArray<ActionInfo> all, List<SourceStatement> statements, BitArray[] covers, List<int> grantedIds, long[] signature)
    {
        var groups = new ActionGroups();
        var ids = new Dictionary<(string, long), int>();
        foreach (var id in grantedIds)
        {
            var action = all[id];
            var key = (IsSpecial(action) ? action.FullName : action.ServicePrefix, signature[id]);
            if (!ids.TryGetValue(key, out var group))
            {
                ids[key] = group = groups._representatives.Count;
                groups._representatives.Add(action.FullName);
                groups._resources.Add([.. Enumerable.Range(0, statements.Count).Where(i => covers[i][id])
                    .SelectMany(i => statements[i].ResourcePatterns)
                    .Distinct(StringComparer.Ordinal)
                    .OrderBy(static r => r == "*" ? 0 : 1).ThenBy(static r => r, StringComparer.Ordinal)]);
            }
            groups.Actions.Add((action, group));
        }
        return groups;
    }

    private static bool IsSpecial(ActionInfo action)
        => ServiceRules.TrustPolicyActions.Contains(action.FullName)
            || string.Equals(action.FullName, ServiceRules.GetCallerIdentity, StringComparison.OrdinalIgnoreCase);
}
