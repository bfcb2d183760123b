using System.Text.Json;
using Governance.Core.Workflow.Grants;

namespace Governance.Api.Contracts;

/// <summary>A grant as the API shows it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="RequestId">The request that produced it.</param>
/// <param name="Requester">That request's requester.</param>
/// <param name="PermissionSet">The set granted.</param>
/// <param name="TargetRole">The role holding it.</param>
/// <param name="TargetRoleArn">That role's ARN.</param>
/// <param name="PolicyName">The inline policy's name: <c>grant-&lt;id&gt;</c>.</param>
/// <param name="Policy">The inline policy, with its <c>DateLessThan</c> condition.</param>
/// <param name="StartsAt">The window's start (included).</param>
/// <param name="EndsAt">The window's end (excluded).</param>
/// <param name="Status">Active, Revoked or Expired.</param>
/// <param name="EndedAt">When it was revoked or expired.</param>
/// <param name="EndedBy">Who ended it.</param>
/// <param name="EndComment">Why.</param>
public sealed record GrantDto(
    Guid Id, Guid RequestId, string Requester, string PermissionSet, string TargetRole, string TargetRoleArn, string PolicyName,
    JsonElement Policy, DateTimeOffset StartsAt, DateTimeOffset EndsAt, GrantStatus Status, DateTimeOffset? EndedAt, string? EndedBy,
    string? EndComment)
{
    /// <summary>Maps the entity.</summary>
    public static GrantDto From(Grant g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return new(g.Id, g.RequestId, g.RequesterId, g.PermissionSet, g.TargetRoleName, g.TargetRoleArn, g.PolicyName,
            Json.Element(g.PolicyDocument), g.StartsAt, g.EndsAt, g.Status, g.EndedAt, g.EndedBy, g.EndComment);
    }
}
