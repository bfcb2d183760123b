using Governance.Core.Grants;

namespace Governance.Core.Audit;

/// <summary>What the audit log records of a grant's state.</summary>
/// <param name="Status">Its status.</param>
/// <param name="TargetRoleArn">The role holding it.</param>
/// <param name="PolicyName">The inline policy's name.</param>
/// <param name="PolicyDocument">The inline policy.</param>
/// <param name="StartsAt">The window's start.</param>
/// <param name="EndsAt">The window's end.</param>
/// <param name="EndComment">Why it ended early.</param>
internal sealed record GrantAuditState(
    string Status, string TargetRoleArn, string PolicyName, string PolicyDocument, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? EndComment)
{
    public static GrantAuditState Of(Grant g)
        => new(g.Status.ToString(), g.TargetRoleArn, g.PolicyName, g.PolicyDocument, g.StartsAt, g.EndsAt, g.EndComment);
}
