using System.Collections.Immutable;

namespace PolicyEngine.Analysis;

/// <summary>The allowed actions of one service, grouped by access level.</summary>
/// <param name="Service">The service prefix (<c>s3</c>).</param>
/// <param name="Levels">One group per access level that has allowed actions, in <see cref="Catalog.AccessLevel"/> order.</param>
public sealed record ServiceAccess(string Service, ImmutableArray<LevelAccess> Levels)
{
    /// <summary>Every allowed action of the service, level by level.</summary>
    public IEnumerable<ActionAccess> Actions => Levels.SelectMany(static l => l.Actions);
}
