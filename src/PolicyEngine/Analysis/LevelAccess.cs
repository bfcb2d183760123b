using System.Collections.Immutable;
using PolicyEngine.Catalog;

namespace PolicyEngine.Analysis;

/// <summary>The allowed actions of one service at one access level.</summary>
/// <param name="AccessLevel">The access level.</param>
/// <param name="Actions">The actions, sorted by name.</param>
public sealed record LevelAccess(AccessLevel AccessLevel, ImmutableArray<ActionAccess> Actions);
