using System.Collections.Immutable;
using Governance.Core.Results;
using Governance.Core.Workflow.Preview;

namespace Governance.Core.Workflow.Requests;

/// <summary>
/// A request as a reader sees it now: a pending request with its preview and approval count computed against the
/// organisation as it is (and which of its approvals would still count), a decided one as it was decided.
/// </summary>
/// <param name="Preview">The preview: current for a pending request, recorded for a decided one (or when it cannot be computed now).</param>
/// <param name="PreviewVersion">Its version; an approval names it.</param>
/// <param name="ApprovalsRequired">The distinct approvals it needs now.</param>
/// <param name="ApprovalCounts">For each of the request's approvals, in order: whether it counts toward <paramref name="Preview"/>.</param>
/// <param name="PreviewProblem">Why the preview could not be computed now (the permission set or the target role is gone); null when it was.</param>
/// <param name="RiskRose">What the current preview holds that the one recorded did not, when its risk rose; null otherwise.</param>
public sealed record RequestReview(AccessPreview Preview, string? PreviewVersion, int ApprovalsRequired, ImmutableArray<bool> ApprovalCounts,
    string? PreviewProblem, string? RiskRose)
{
    /// <summary>The review of <paramref name="request"/>, given its current assessment (null for a decided request).</summary>
    public static RequestReview Of(AccessRequest request, Outcome<RequestPreview>? current)
    {
        ArgumentNullException.ThrowIfNull(request);
        var counted = request.Approvals.Select(static a => a.Counts).ToImmutableArray();
        if (current is not { } assessed || request.Status != AccessRequestStatus.Pending)
        {
            return new(Recorded(request), request.PreviewVersion, request.RequiredApprovals, counted, null, null);
        }
        if (!assessed.Success)
        {
            return new(Recorded(request), request.PreviewVersion, request.RequiredApprovals, counted, assessed.Error.Detail, null);
        }
        var now = assessed.Value;
        // As a decision would record it (AccessRequestService): approvals stop counting only when the risk rose.
        var rose = string.Equals(request.PreviewVersion, now.Version, StringComparison.Ordinal)
            ? null
            : RiskIncrease.Between(Recorded(request), request.RequiredApprovals, now);
        return new(now.Preview, now.Version, now.ApprovalsRequired,
            rose is null ? counted : [.. counted.Select(static _ => false)], null, rose);
    }

    /// <summary>The preview last recorded; read only when it is shown or compared, since a pending request's current one is usually the same.</summary>
    private static AccessPreview Recorded(AccessRequest request) => AccessPreviewJson.Deserialize(request.PreviewJson);
}
