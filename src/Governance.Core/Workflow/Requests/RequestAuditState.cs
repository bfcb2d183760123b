namespace Governance.Core.Workflow.Requests;

/// <summary>What the audit log records of a request's state (the before and after of an event).</summary>
/// <param name="Status">Its status.</param>
/// <param name="PermissionSet">The set requested.</param>
/// <param name="Resources">The resources named.</param>
/// <param name="TargetRoleArn">The role that would receive it.</param>
/// <param name="DurationHours">The duration asked for.</param>
/// <param name="RequiredApprovals">Approvals needed.</param>
/// <param name="Approvers">Who has approved, with an approval that still counts.</param>
/// <param name="DecisionComment">The final decision's comment.</param>
/// <param name="GrantId">The grant, once approved.</param>
/// <param name="PreviewVersion">The version of the preview recorded.</param>
/// <param name="SupersededApprovers">Who approved an earlier preview whose risk the recorded one exceeds, so that their approval no longer counts.</param>
/// <param name="PreviewChange">On <c>request.preview-changed</c>: what rose, or null when the risk did not.</param>
internal sealed record RequestAuditState(
    string Status, string PermissionSet, IReadOnlyList<string> Resources, string TargetRoleArn, int DurationHours,
    int RequiredApprovals, IReadOnlyList<string> Approvers, string? DecisionComment, Guid? GrantId, string? PreviewVersion,
    IReadOnlyList<string> SupersededApprovers, string? PreviewChange = null)
{
    public static RequestAuditState Of(AccessRequest r) => new(
        r.Status.ToString(), r.PermissionSet, [.. r.Resources], r.TargetRoleArn, r.DurationHours, r.RequiredApprovals,
        [.. r.Approvals.Where(static a => a.Counts).Select(static a => a.ApproverId)], r.DecisionComment, r.GrantId, r.PreviewVersion,
        [.. r.Approvals.Where(static a => !a.Counts).Select(static a => a.ApproverId)]);
}
