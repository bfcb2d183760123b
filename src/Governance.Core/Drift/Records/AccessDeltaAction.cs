using System.Collections.Immutable;
using PolicyEngine.Analysis;
using PolicyEngine.Catalog;

namespace Governance.Core.Drift.Records;

/// <summary>One action whose decision changed the same way on some resources.</summary>
/// <param name="Kind">Gained, lost, or became (un)conditional.</param>
/// <param name="Action">The action, such as <c>s3:DeleteObject</c>.</param>
/// <param name="AccessLevel">Its access level.</param>
/// <param name="Resources">The resource patterns it changed on.</param>
public sealed record AccessDeltaAction(AccessChangeKind Kind, string Action, AccessLevel AccessLevel, ImmutableArray<string> Resources);
