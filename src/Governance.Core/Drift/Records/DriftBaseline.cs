using System.Collections.Immutable;

namespace Governance.Core.Drift.Records;

/// <summary>What a run saw, kept in its report so that the next run can tell what is new.</summary>
/// <param name="Risks">Every risk finding of the account analysis, not only the new ones.</param>
/// <param name="Principals">Every principal's identity policies and boundary, to decide the access delta by decisions.</param>
public sealed record DriftBaseline(ImmutableArray<RiskRecord> Risks, ImmutableArray<BaselinePrincipal> Principals)
{
    /// <summary>A baseline with nothing in it.</summary>
    public static DriftBaseline Empty { get; } = new([], []);
}
