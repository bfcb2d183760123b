using System.Collections.Immutable;
using PolicyEngine.Evaluation;

namespace Governance.Core.Workflow.Preview;

/// <summary>
/// Whether a grant would add nothing the role can use, and why: the one owner of the rule that turns a request away at
/// submission rather than queueing an empty preview for approvers.
/// </summary>
/// <remarks>
/// Only a certain answer counts: every action and resource pair the grant covers was decided against the whole
/// picture, none hangs on a key the preview cannot know, and none becomes allowed. Either the role already has the
/// access (its own policies, another grant) or a layer the grant cannot change denies it (a permissions boundary, an
/// SCP, a bucket or key policy, an RCP).
/// </remarks>
public static class NothingAdded
{
    /// <summary>Why the grant whose effects are <paramref name="effects"/> adds nothing; null when it adds something or that is not certain.</summary>
    public static string? Reason(ImmutableArray<PreviewEffect> effects)
    {
        if (effects.IsDefaultOrEmpty || effects.Any(static e => e.Adds || e.Undecided))
        {
            return null;
        }
        if (effects.All(static e => e.Before == Decision.Allow))
        {
            return $"the role already has this access: {Grouped(effects)}";
        }
        return Grouped(effects.Where(static e => e.Before != Decision.Allow));
    }

    /// <summary>One clause per deciding layer, naming the actions and resources it decides: "the permissions boundary `B` denies (Sid `S`, line 4): iam:PutRolePolicy, … on arn:…".</summary>
    private static string Grouped(IEnumerable<PreviewEffect> effects)
    {
        var clauses = effects.GroupBy(static e => e.DecidedBy ?? e.Summary, StringComparer.Ordinal)
            .Select(static g => $"{g.Key}: {Few(g.Select(static e => e.Action))} on {Few(g.Select(static e => e.Resource))}")
            .ToArray();
        return string.Join("; ", clauses.Take(3)) + (clauses.Length > 3 ? $"; and {clauses.Length - 3} more" : string.Empty);
    }

    private static string Few(IEnumerable<string> items)
    {
        var distinct = items.Distinct(StringComparer.Ordinal).ToArray();
        return string.Join(", ", distinct.Take(4).Select(static i => $"`{i}`")) + (distinct.Length > 4 ? $" and {distinct.Length - 4} more" : string.Empty);
    }
}
