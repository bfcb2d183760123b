using System.Collections.Immutable;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Analysis;

/// <summary>The answer to "may the principal perform this action on this resource", with what decides it.</summary>
/// <param name="Action">The action checked.</param>
/// <param name="Resource">The resource ARN (or pattern) checked.</param>
/// <param name="Verdict">Allowed, conditional or denied.</param>
/// <param name="ConditionKeys">For a conditional grant, the keys the request must carry suitable values for; else empty.</param>
/// <param name="GrantedBy">The statements that allow it; empty when denied.</param>
public sealed record AccessCheck(
    string Action,
    string Resource,
    AccessVerdict Verdict,
    ImmutableArray<string> ConditionKeys,
    ImmutableArray<StatementRef> GrantedBy)
{
    /// <summary>True unless denied.</summary>
    public bool IsAllowed => Verdict != AccessVerdict.Denied;
}
