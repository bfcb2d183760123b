using System.Collections.Immutable;

namespace Governance.Core.Drift.Records;

/// <summary>How one principal's access changed between two runs, decided action by action.</summary>
/// <param name="Principal">The principal's ARN.</param>
/// <param name="Change">Whether it is new, gone, or changed.</param>
/// <param name="Actions">The actions whose decision changed, with the resources it changed on.</param>
public sealed record PrincipalAccessDelta(string Principal, PrincipalChange Change, ImmutableArray<AccessDeltaAction> Actions);
