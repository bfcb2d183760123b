using System.Collections.Immutable;

namespace PolicyEngine.Analysis;

/// <summary>Everything a principal's policies allow: per service, per access level, each action with its resource patterns.</summary>
/// <param name="Principal">The principal's ARN.</param>
/// <param name="Services">The services with at least one allowed action, sorted by prefix.</param>
public sealed record EffectiveAccess(string Principal, ImmutableArray<ServiceAccess> Services)
{
    /// <summary>Every allowed action, service by service.</summary>
    public IEnumerable<ActionAccess> Actions => Services.SelectMany(static s => s.Actions);

    /// <summary>The number of allowed actions.</summary>
    public int ActionCount => Services.Sum(static s => s.Levels.Sum(static l => l.Actions.Length));

    /// <summary>The grants of <paramref name="action"/>, or null when it is not allowed.</summary>
    public ActionAccess? Find(string action)
        => Actions.FirstOrDefault(a => string.Equals(a.Action, action, StringComparison.OrdinalIgnoreCase));
}
