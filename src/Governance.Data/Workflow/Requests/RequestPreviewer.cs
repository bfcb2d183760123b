using System.Collections.Concurrent;
using Governance.Core.Accounts;
using Governance.Core.OrganizationCopy;
using Governance.Core.Policies;
using Governance.Core.Policies.PermissionSets;
using Governance.Core.Results;
using Governance.Core.Telemetry;
using Governance.Core.Workflow.Approvals;
using Governance.Core.Workflow.Preview;

namespace Governance.Core.Workflow.Requests;

/// <summary>
/// A request's preview and approval requirement against the organisation as it is now: at submission, and again
/// every time a pending request is read or decided, so that a decision is never taken on access as it was.
/// </summary>
/// <remarks>
/// A pending request's assessment is cached per organisation copy version and minute (the preview's own time
/// resolution): a queue of requests read again and again costs one preview each until something changes. Thread-safe.
/// </remarks>
public sealed class RequestPreviewer(GovernancePolicies policies, OrganizationStore store, IAccessPreviewer previewer, GovernanceMetrics metrics, TimeProvider time)
{
    private const int MaxCached = 4096;

    private readonly ConcurrentDictionary<(Guid Request, long Version, long Minute), RequestPreview> _cache = new();

    /// <summary>
    /// The preview of granting <paramref name="policyDocument"/> (rendered from <paramref name="set"/>) to
    /// <paramref name="role"/>, and the rules' requirement for <paramref name="requesterId"/>'s request (whose own
    /// principals may gain it without a person; see <see cref="ApprovalPolicy"/>).
    /// </summary>
    public async Task<RequestPreview> AssessAsync(PermissionSet set, ResolvedPrincipal role, string policyDocument, string requesterId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        var started = GovernanceMetrics.StartDecision();
        var preview = await previewer.PreviewAsync(new AccessPreviewInput(set, role, policyDocument), cancellationToken).ConfigureAwait(false);
        metrics.Decided(EngineQuestion.Preview, started);
        return RequestPreview.Of(preview, ApprovalPolicy.Evaluate(set, preview, policies.ApprovalRules, requesterId));
    }

    /// <summary>A pending request's review against the organisation now; a decided one's as recorded.</summary>
    public async Task<RequestReview> ReviewAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RequestReview.Of(request,
            request.Status == AccessRequestStatus.Pending ? await AssessAsync(request, cancellationToken).ConfigureAwait(false) : null);
    }

    /// <summary>The reviews of <paramref name="requests"/>, in their order (<see cref="ReviewAsync(AccessRequest, CancellationToken)"/>).</summary>
    /// <remarks>
    /// Side by side: after a grant a queue's previews are all computed anew, each cached until the organisation copy
    /// changes.
    /// </remarks>
    public async Task<RequestReview[]> ReviewAllAsync(IReadOnlyList<AccessRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var reviews = new RequestReview[requests.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, token) => reviews[i] = await ReviewAsync(requests[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return reviews;
    }

    /// <summary>
    /// <paramref name="request"/>'s preview now: its stored policy on its target role as the organisation copy has it,
    /// under its permission set's current rules; an error when the set or the role no longer exists.
    /// </summary>
    public async Task<Outcome<RequestPreview>> AssessAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (policies.PermissionSets.Find(request.PermissionSet) is not { } set)
        {
            return GovernanceError.Conflict(ProblemCodes.PreviewUnavailable,
                $"the permission set `{request.PermissionSet}` is no longer defined, so the request cannot be previewed or approved; deny or cancel it");
        }
        var organization = await store.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (organization.Accounts.Find(request.TargetRoleArn).Principal is not { Kind: PrincipalKind.Role } role)
        {
            return GovernanceError.Conflict(ProblemCodes.PreviewUnavailable,
                $"the target role `{request.TargetRoleArn}` is not in the organisation copy (version {organization.Version}), so the request cannot be previewed or approved; deny or cancel it");
        }
        var key = (request.Id, organization.Version, time.GetUtcNow().ToUnixTimeSeconds() / 60);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var assessed = await AssessAsync(set, role, request.PolicyDocument, request.RequesterId, cancellationToken).ConfigureAwait(false);
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }
        _cache[key] = assessed;
        return assessed;
    }
}
