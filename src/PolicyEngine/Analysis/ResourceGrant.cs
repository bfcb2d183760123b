using System.Collections.Immutable;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Analysis;

/// <summary>One resource pattern an action is allowed on, and under which conditions.</summary>
/// <param name="Resource">The resource pattern as a policy writes it (<c>*</c>, <c>arn:aws:s3:::bucket/*</c>), or the queried ARN.</param>
/// <param name="Verdict"><see cref="AccessVerdict.Allowed"/> or <see cref="AccessVerdict.Conditional"/>.</param>
/// <param name="ConditionKeys">For a conditional grant, the condition keys it depends on.</param>
/// <param name="GrantedBy">The statements that allow it.</param>
public sealed record ResourceGrant(
    string Resource,
    AccessVerdict Verdict,
    ImmutableArray<string> ConditionKeys,
    ImmutableArray<StatementRef> GrantedBy)
{
    /// <summary>True when no condition limits the grant.</summary>
    public bool IsUnconditional => Verdict == AccessVerdict.Allowed;
}
