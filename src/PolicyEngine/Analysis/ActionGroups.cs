using System.Collections.Immutable;
using System.Text;
using PolicyEngine.Catalog;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Analysis;

/// <summary>
/// Partitions the catalogue actions some statement can grant into groups that every statement treats alike: the same
/// statements cover them (in each analyzer given) and they share a service. One decision per group and resource then
/// stands for every action of the group.
/// </summary>
/// <remarks>
/// Actions AWS decides by special rules (<c>sts:AssumeRole</c> needs the trust policy, <c>sts:GetCallerIdentity</c> is
/// always allowed) each form a group of their own.
/// </remarks>
internal sealed class ActionGroups
{
    private readonly List<string> _representatives = [];
    private readonly List<ImmutableArray<string>> _resources = [];

    private ActionGroups()
    {
    }

    /// <summary>Every candidate action with its group, sorted by name.</summary>
    public List<(ActionInfo Action, int Group)> Actions { get; } = [];

    /// <summary>The action decisions of <paramref name="group"/> are made with.</summary>
    public string Representative(int group) => _representatives[group];

    /// <summary>The resource patterns the statements of <paramref name="group"/> name, <c>*</c> first.</summary>
    public ImmutableArray<string> ResourcesOf(int group) => _resources[group];

    /// <summary>Groups the actions the granting statements of <paramref name="analyzers"/> cover, in <paramref name="service"/> if given.</summary>
    public static ActionGroups Build(IReadOnlyList<AccessAnalyzer> analyzers, string? service)
    {
        var statements = analyzers.SelectMany(static a => a.Statements).ToList();
        var covering = new Dictionary<ActionInfo, List<int>>(ReferenceEqualityComparer.Instance);
        foreach (var statement in statements.Where(static s => s.Grants))
        {
            foreach (var action in statement.Actions)
            {
                if (service is null || string.Equals(action.ServicePrefix, service, StringComparison.OrdinalIgnoreCase))
                {
                    covering.TryAdd(action, []);
                }
            }
        }
        for (var i = 0; i < statements.Count; i++)
        {
            foreach (var action in statements[i].Actions)
            {
                if (covering.TryGetValue(action, out var list))
                {
                    list.Add(i);
                }
            }
        }

        var groups = new ActionGroups();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var key = new StringBuilder();
        foreach (var (action, list) in covering.OrderBy(static e => e.Key.FullName, StringComparer.Ordinal))
        {
            key.Clear().Append(IsSpecial(action) ? action.FullName : action.ServicePrefix).Append('|');
            foreach (var index in list)
            {
                key.Append(index).Append(',');
            }
            var text = key.ToString();
            if (!ids.TryGetValue(text, out var group))
            {
                ids[text] = group = groups._representatives.Count;
                groups._representatives.Add(action.FullName);
                groups._resources.Add([.. list.SelectMany(i => statements[i].ResourcePatterns)
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
