using PolicyEngine.Catalog;

namespace PolicyEngine.Analysis;

/// <summary>One action on one resource pattern whose decision differs between two states.</summary>
/// <param name="Kind">How it differs.</param>
/// <param name="Action">The action.</param>
/// <param name="AccessLevel">Its access level.</param>
/// <param name="Resource">The resource pattern, as one of the two states' policies write it.</param>
/// <param name="Before">The decision in the first state.</param>
/// <param name="After">The decision in the second state.</param>
public sealed record AccessChange(AccessChangeKind Kind, string Action, AccessLevel AccessLevel, string Resource, AccessCheck Before, AccessCheck After);
