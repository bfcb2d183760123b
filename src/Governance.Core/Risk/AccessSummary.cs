using System.Collections.Immutable;
using PolicyEngine.Catalog;

namespace Governance.Core.Risk;

/// <summary>How much a principal may do: counts of its effective access.</summary>
/// <param name="Services">Services with at least one allowed action.</param>
/// <param name="Actions">Allowed actions.</param>
/// <param name="ByLevel">Allowed actions per access level; every level is present.</param>
/// <param name="Conditional">Allowed actions that are allowed only under conditions.</param>
public sealed record AccessSummary(int Services, int Actions, ImmutableSortedDictionary<AccessLevel, int> ByLevel, int Conditional);
