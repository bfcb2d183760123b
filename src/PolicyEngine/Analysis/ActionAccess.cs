using System.Collections.Immutable;
using PolicyEngine.Catalog;

namespace PolicyEngine.Analysis;

/// <summary>One allowed action and the resource patterns it is allowed on.</summary>
/// <param name="Action">The action's full name, as the catalogue spells it (<c>s3:GetObject</c>).</param>
/// <param name="AccessLevel">Its access level.</param>
/// <param name="Resources">Every resource pattern it is allowed on; never empty.</param>
public sealed record ActionAccess(string Action, AccessLevel AccessLevel, ImmutableArray<ResourceGrant> Resources)
{
    /// <summary>True when the action is allowed unconditionally on at least one pattern.</summary>
    public bool HasUnconditionalGrant => Resources.Any(static r => r.IsUnconditional);
}
