using System.Collections.Immutable;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Analysis;

/// <summary>Compares two states of a principal's policies by their decisions, never by their text.</summary>
/// <remarks>
/// The requests compared are every catalogue action some statement of either state can grant, on every resource pattern
/// either state's statements name for it; each is decided in both states by the compiled engine. A statement rewritten
/// with other wildcards that cover the same actions therefore changes nothing, and a grant already covered adds nothing.
/// A pattern is decided as the literal text a policy writes, so a Deny on part of a pattern shows as a change on the
/// Deny's own pattern.
/// </remarks>
public static class AccessDeltaCalculator
{
    /// <summary>The access <paramref name="after"/> adds to and removes from <paramref name="before"/>.</summary>
    /// <param name="before">The current (or older) state.</param>
    /// <param name="after">The proposed (or newer) state; requests are made as its principal.</param>
    /// <param name="service">Limits the comparison to one service prefix; null for all.</param>
    public static AccessDelta Compare(AccessAnalyzer before, AccessAnalyzer after, string? service = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var groups = ActionGroups.Build([before, after], service);
        var relevance = new ResourceRelevance();
        var decided = new Dictionary<(int, string), (AccessCheck Before, AccessCheck After)>();
        var changes = ImmutableArray.CreateBuilder<AccessChange>();
        foreach (var (action, group) in groups.Actions)
        {
            foreach (var resource in groups.ResourcesOf(group))
            {
                if (!relevance.Applies(action, resource, exact: false))
                {
                    continue;
                }
                if (!decided.TryGetValue((group, resource), out var pair))
                {
                    var representative = groups.Representative(group);
                    decided[(group, resource)] = pair = (before.Check(representative, resource), after.Check(representative, resource));
                }
                if (Kind(pair.Before.Verdict, pair.After.Verdict) is { } kind)
                {
                    changes.Add(new AccessChange(kind, action.FullName, action.AccessLevel, resource,
                        pair.Before with { Action = action.FullName }, pair.After with { Action = action.FullName }));
                }
            }
        }
        return new AccessDelta(changes.ToImmutable());
    }

    /// <summary>Compiles both states for <paramref name="principal"/> and compares them.</summary>
    public static AccessDelta Compare(PolicySet before, PolicySet after, string principal, AnalysisAssumptions assumptions, string? service = null)
        => Compare(AccessAnalyzer.Create(before, principal, assumptions), AccessAnalyzer.Create(after, principal, assumptions), service);

    private static AccessChangeKind? Kind(AccessVerdict before, AccessVerdict after) => (before, after) switch
    {
        (AccessVerdict.Denied, AccessVerdict.Denied) => null,
        (AccessVerdict.Denied, _) => AccessChangeKind.Added,
        (_, AccessVerdict.Denied) => AccessChangeKind.Removed,
        (AccessVerdict.Allowed, AccessVerdict.Conditional) => AccessChangeKind.BecameConditional,
        (AccessVerdict.Conditional, AccessVerdict.Allowed) => AccessChangeKind.BecameUnconditional,
        _ => null,
    };
}
