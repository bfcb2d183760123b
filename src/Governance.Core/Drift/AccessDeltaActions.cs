using System.Collections.Immutable;
using Governance.Core.Drift.Records;
using PolicyEngine.Analysis;

namespace Governance.Core.Drift;

/// <summary>Groups an <see cref="AccessDelta"/>'s changes by kind and action, for reports and one-line evidence.</summary>
internal static class AccessDeltaActions
{
    private const int ActionsInDetail = 5;

    /// <summary>One entry per kind of change and action, with the resource patterns it changed on, sorted.</summary>
    public static ImmutableArray<AccessDeltaAction> Group(AccessDelta delta)
        => [.. delta.Changes
            .GroupBy(static c => (c.Kind, c.Action, c.AccessLevel))
            .OrderBy(static g => g.Key.Kind).ThenBy(static g => g.Key.Action, StringComparer.Ordinal)
            .Select(static g => new AccessDeltaAction(g.Key.Kind, g.Key.Action, g.Key.AccessLevel,
                [.. g.Select(static c => c.Resource).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))];

    /// <summary>The first few changes as one line: <c>added s3:DeleteObject on arn:aws:s3:::lake/*; … and 3 more</c>.</summary>
    public static string Describe(AccessDelta delta)
    {
        var actions = Group(delta);
        var shown = actions.Take(ActionsInDetail)
            .Select(static a => $"{Verb(a.Kind)} {a.Action} on {string.Join(", ", a.Resources)}");
        var more = actions.Length > ActionsInDetail ? $" and {actions.Length - ActionsInDetail} more actions" : string.Empty;
        return string.Join("; ", shown) + more;
    }

    private static string Verb(AccessChangeKind kind) => kind switch
    {
        AccessChangeKind.Added => "added",
        AccessChangeKind.Removed => "removed",
        AccessChangeKind.BecameConditional => "now conditional:",
        _ => "now unconditional:",
    };
}
