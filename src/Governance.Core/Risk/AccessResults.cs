using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Governance.Core.Risk;

/// <summary>
/// What analyses of the same moment share: each account's effective access in numbers and its risk findings, per set
/// of policy documents (<see cref="PolicyTextsKey"/>). A first drift run analyses the account and the account as code,
/// which hold the same documents for almost every principal; with one of these, the second analysis reuses the first's.
/// </summary>
/// <param name="AsOf">The time both analyses assume: results decided at another time are not the same answers.</param>
internal sealed record AccessResults(DateTimeOffset AsOf)
{
    /// <summary>By policy documents: the summary, and the risk findings with policies named by position.</summary>
    public ConcurrentDictionary<PolicyTextsKey, Lazy<(AccessSummary Summary, ImmutableArray<Finding> Risks)>> ByTexts { get; } = new();
}
