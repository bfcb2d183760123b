using System.Collections.Immutable;
using System.Globalization;

namespace Governance.Core.Drift.Guardrails;

/// <summary>Puts a guardrail's changed decisions into one line of evidence, the weakening ones first.</summary>
internal static class GuardrailChangeSentences
{
    private const int GroupsShown = 6;
    private const int ActionsNamed = 3;
    private const int ServicesNamed = 4;
    private const int ProbesNamed = 3;

    /// <summary>
    /// <c>no longer denied: ec2 (612 actions) on * when `aws:RequestedRegion` = `us-east-1`; now denied: …</c>. Requests
    /// that changed under every probe carry no "when".
    /// </summary>
    public static string Describe(ImmutableArray<GuardrailProbe> probes, ImmutableArray<GuardrailDecisionChange> changes)
    {
        // A request that one probe shows denied outright and another only "for some requests" is told once, outright.
        var decisive = changes.Where(static c => c.Decisive).Select(static c => (c.Weakens, c.Action, c.Resource)).ToHashSet();
        var groups = changes
            .Where(c => c.Decisive || !decisive.Contains((c.Weakens, c.Action, c.Resource)))
            .GroupBy(static c => (c.Weakens, c.Change, c.Action, c.Resource))
            .Select(static g => (g.Key.Weakens, g.Key.Change, g.Key.Action, g.Key.Resource, Probes: string.Join(",", g.Select(static c => c.Probe).Distinct().Order())))
            .GroupBy(static c => (c.Weakens, c.Change, c.Resource, c.Probes))
            .OrderByDescending(static g => g.Key.Weakens)
            .ThenBy(static g => g.Key.Change, StringComparer.Ordinal)
            .ThenBy(static g => g.Key.Resource == "*" ? 0 : 1).ThenBy(static g => g.Key.Resource, StringComparer.Ordinal)
            .ThenBy(static g => g.Key.Probes, StringComparer.Ordinal)
            .ToList();
        var shown = groups.Take(GroupsShown).Select(g =>
            $"{g.Key.Change}: {Actions([.. g.Select(static c => c.Action)])} on {g.Key.Resource}{When(g.Key.Probes, probes)}");
        var more = groups.Count > GroupsShown ? $"; and {groups.Count - GroupsShown} more changes" : string.Empty;
        return string.Join("; ", shown) + more;
    }

    /// <summary>A few actions by name, or a service's count when there are many; past a few services, how many more.</summary>
    private static string Actions(ImmutableArray<string> actions)
    {
        var services = actions.Distinct(StringComparer.OrdinalIgnoreCase)
            .GroupBy(static a => a.Split(':')[0], StringComparer.OrdinalIgnoreCase)
            .OrderBy(static g => g.Key, StringComparer.Ordinal)
            .Select(static g => g.Count() <= ActionsNamed
                ? string.Join(", ", g.Order(StringComparer.Ordinal))
                : $"{g.Key} ({g.Count()} actions)")
            .ToList();
        return services.Count <= ServicesNamed + 1
            ? string.Join(", ", services)
            : $"{string.Join(", ", services.Take(ServicesNamed))} and {services.Count - ServicesNamed} more services ({actions.Length} actions in all)";
    }

    private static string When(string probeList, ImmutableArray<GuardrailProbe> probes)
    {
        var indexes = probeList.Split(',').Select(static p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        if (indexes.Count == probes.Length)
        {
            return string.Empty;
        }
        var named = indexes.Take(ProbesNamed).Select(i => probes[i].Description.Length == 0 ? "the request gives none of the keys" : probes[i].Description);
        var more = indexes.Count > ProbesNamed ? $" or {indexes.Count - ProbesNamed} more" : string.Empty;
        return " when " + string.Join(" or ", named) + more;
    }
}
