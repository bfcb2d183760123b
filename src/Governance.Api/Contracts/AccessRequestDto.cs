using System.Text.Json;
using Governance.Core.Workflow.Requests;

namespace Governance.Api.Contracts;

/// <summary>An access request as the API shows it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Status">Pending, Approved, Denied, Cancelled, Refused or Expired.</param>
/// <param name="Requester">The requester's subject.</param>
/// <param name="PermissionSet">The set requested.</param>
/// <param name="Resources">The resources named.</param>
/// <param name="TargetRole">The target role's name.</param>
/// <param name="TargetRoleArn">Its ARN.</param>
/// <param name="Justification">Why.</param>
/// <param name="DurationHours">For how long.</param>
/// <param name="ApprovalsRequired">
/// Distinct approvals needed: the same name as on permission sets, where it is what the set itself asks for; for a
/// pending request, as the approval rules decide on its preview now.
/// </param>
/// <param name="Approvals">Approvals so far.</param>
/// <param name="AutoApproved">True when the approval rules approved it.</param>
/// <param name="CreatedAt">Submitted at.</param>
/// <param name="DecidedAt">Left Pending at.</param>
/// <param name="DecidedBy">Who took the final decision.</param>
/// <param name="DecisionComment">The final decision's comment or the rules' reasons.</param>
/// <param name="GrantId">The grant, once approved.</param>
/// <param name="Policy">The policy the grant attaches (before the expiry condition is added).</param>
/// <param name="Preview">What it adds: for a pending request, computed against the organisation now; for a decided one, as it was decided.</param>
/// <param name="PreviewVersion">The preview's version, also the answer's <c>ETag</c>: an approval names it.</param>
/// <param name="PreviewProblem">Why the preview could not be computed now (its permission set or target role is gone); the recorded one is shown.</param>
/// <param name="RiskRose">What the current preview holds that the one last recorded did not: approvals given before it no longer count.</param>
public sealed record AccessRequestDto(
    Guid Id, AccessRequestStatus Status, string Requester, string PermissionSet, IReadOnlyList<string> Resources, string TargetRole,
    string TargetRoleArn, string Justification, int DurationHours, int ApprovalsRequired, IReadOnlyList<ApprovalDto> Approvals,
    bool AutoApproved, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionComment, Guid? GrantId,
    JsonElement Policy, AccessPreviewDto Preview, string? PreviewVersion, string? PreviewProblem, string? RiskRose)
{
    /// <summary>Maps the entity as it was recorded (a request just written, or decided).</summary>
    public static AccessRequestDto From(AccessRequest r) => From(r, RequestReview.Of(r, null));

    /// <summary>Maps the entity with its review: for a pending request, the preview and approvals as they stand now.</summary>
    public static AccessRequestDto From(AccessRequest r, RequestReview review)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(review);
        return new(r.Id, r.Status, r.RequesterId, r.PermissionSet, r.Resources, r.TargetRoleName, r.TargetRoleArn, r.Justification,
            r.DurationHours, review.ApprovalsRequired,
            [.. r.Approvals.Select((a, i) => new ApprovalDto(a.ApproverId, a.Comment, a.ApprovedAt, a.PreviewVersion, review.ApprovalCounts[i]))],
            r.AutoApproved, r.CreatedAt, r.DecidedAt, r.DecidedBy, r.DecisionComment, r.GrantId, Json.Element(r.PolicyDocument),
            AccessPreviewDto.From(review.Preview), review.PreviewVersion, review.PreviewProblem, review.RiskRose);
    }
}
