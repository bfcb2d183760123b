using System.Text.Json.Serialization;

namespace Governance.Core.Workflow.Grants;

/// <summary>What the audit log records of a grant's state.</summary>
/// <param name="Status">Its status.</param>
/// <param name="TargetRoleArn">The role holding it.</param>
/// <param name="PolicyName">The inline policy's name.</param>
/// <param name="PolicyDocument">The inline policy.</param>
/// <param name="StartsAt">The window's start.</param>
/// <param name="EndsAt">The window's end.</param>
/// <param name="EndComment">Why it ended early.</param>
/// <param name="AwsRequestIds">AWS's request id of every call that applied the change; absent when AWS was not called.</param>
internal sealed record GrantAuditState(
    string Status, string TargetRoleArn, string PolicyName, string PolicyDocument, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? EndComment,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? AwsRequestIds = null)
{
    public static GrantAuditState Of(Grant g)
        => new(g.Status.ToString(), g.TargetRoleArn, g.PolicyName, g.PolicyDocument, g.StartsAt, g.EndsAt, g.EndComment);

    /// <summary>The grant's state with the request ids of the provisioning that applied it.</summary>
    public static GrantAuditState Of(Grant g, ProvisioningResult applied)
        => Of(g) with { AwsRequestIds = applied.AwsRequestIds.Count > 0 ? applied.AwsRequestIds : null };
}
