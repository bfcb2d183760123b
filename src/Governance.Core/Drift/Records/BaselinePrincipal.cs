using System.Collections.Immutable;

namespace Governance.Core.Drift.Records;

/// <summary>The policies AWS evaluates for one principal, as a run saw them.</summary>
/// <param name="Principal">The principal's ARN.</param>
/// <param name="Policies">Its identity policies (a user's groups' too), by name.</param>
/// <param name="Boundary">Its permissions boundary, if any.</param>
public sealed record BaselinePrincipal(string Principal, ImmutableArray<BaselinePolicy> Policies, BaselinePolicy? Boundary);
