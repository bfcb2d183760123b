using System.Collections.Immutable;
using Governance.Core.AuditTrail;
using Governance.Core.Identity;
using Governance.Core.Infrastructure.Data;
using Governance.Core.OrganizationCopy;
using Governance.Core.Policies;
using Governance.Core.Policies.PermissionSets;
using Governance.Core.Results;
using Governance.Core.Telemetry;
using Governance.Core.Workflow.Approvals;
using Governance.Core.Workflow.Grants;
using Governance.Core.Workflow.Preview;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Core.Workflow.Requests;

/// <summary>Submits access requests and records decisions on them; every change and its audit event commit together.</summary>
/// <remarks>
/// Each write runs in a transaction that holds the database's write lock (see
/// <see cref="GovernanceDbContext.BeginWriteAsync"/>) and reads the request inside it, once, so of two concurrent
/// decisions the second sees the first's outcome; the concurrency stamp catches any writer that does not lock. Who may
/// decide is <see cref="RequestDecisionRules"/>'s to say. An approval is taken on the preview as it is when it is
/// given (<see cref="RequestPreviewer"/>), never on the one computed at submission.
/// </remarks>
public sealed class AccessRequestService(
    GovernanceDbContext db,
    GovernancePolicies policies,
    OrganizationStore accounts,
    RequestPreviewer previews,
    RequesterLimits limits,
    IGrantProvisioner provisioner,
    GovernanceMetrics metrics,
    TimeProvider time)
{
    /// <summary>The longest justification kept.</summary>
    public const int MaxJustificationLength = 4000;

    /// <summary>The most resources one request may name.</summary>
    public const int MaxResources = 20;

    /// <summary>True when <paramref name="principal"/> can be a request's target role: grants go to roles, never to users.</summary>
    public static bool CanReceiveGrants(Accounts.ResolvedPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Kind == Accounts.PrincipalKind.Role;
    }

    /// <summary>Validates a submission, previews it, applies the approval rules and saves it.</summary>
    public async Task<Outcome<AccessRequest>> CreateAsync(Actor requester, CreateAccessRequestCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(command);
        var check = await CheckAsync(requester, command, cancellationToken).ConfigureAwait(false);
        if (check.Error is { } invalid)
        {
            return invalid;
        }
        var (set, resources, role, justification, hours) = check.Submission!;

        // Checked before the preview, so that a refused flood costs no analysis, and again under the write lock below.
        if (await limits.WhyNotSubmitAsync(db, requester.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }
        var policy = set.RenderPolicy(resources);
        var assessed = await previews.AssessAsync(set, role, policy, requester.Id, cancellationToken).ConfigureAwait(false);
        if (assessed.Preview.NothingAdded is { } nothing)
        {
            return AddsNothing(set, role, nothing);
        }
        var requirement = assessed.Requirement;
        var now = time.GetUtcNow();
        var request = new AccessRequest(Guid.CreateVersion7(now), requester.Id, set.Name, resources, role.Name, role.Arn, justification,
            hours, requirement.ApprovalsRequired, policy, AccessPreviewJson.Serialize(assessed.Preview), assessed.Version, now);

        await using var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        if (await limits.WhyNotSubmitAsync(db, requester.Id, now, cancellationToken).ConfigureAwait(false) is { } limitedNow)
        {
            return limitedNow;
        }
        var audit = await AuditLog.OpenAsync(db, time, cancellationToken).ConfigureAwait(false);
        db.AccessRequests.Add(request);
        audit.Append(requester.Id, AuditActions.RequestCreated, request.Id, null, null, RequestAuditState.Of(request));
        Grant? grant = null;
        var reasons = string.Join("; ", requirement.Reasons);
        switch (requirement.Outcome)
        {
            case ApprovalOutcome.AutoApprove:
                grant = Approve(request, audit, Actor.SystemId, reasons, now, automatic: true);
                break;
            case ApprovalOutcome.Refuse:
                Close(request, audit, AccessRequestStatus.Refused, AuditActions.RequestRefused, Actor.SystemId, reasons, now);
                break;
            case ApprovalOutcome.RequireApprovals:
                break;
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var created = await CommitAsync(transaction, audit, Actor.SystemId, grant, request, cancellationToken).ConfigureAwait(false);
        if (created.Success)
        {
            metrics.RequestSubmitted();
        }
        return created;
    }

    /// <summary>
    /// What <paramref name="command"/> would grant and what it would take, computed as <see cref="CreateAsync"/> computes
    /// it (the same checks, the same preview through <see cref="RequestPreviewer"/>), without saving anything: the
    /// console's preview before submitting. A request that would add nothing is previewed with its reason
    /// (<see cref="AccessPreview.NothingAdded"/>), which submitting refuses. The requester limits are not asked: a
    /// preview submits nothing.
    /// </summary>
    public async Task<Outcome<SubmissionPreview>> PreviewAsync(Actor requester, CreateAccessRequestCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(command);
        var check = await CheckAsync(requester, command, cancellationToken).ConfigureAwait(false);
        if (check.Error is { } invalid)
        {
            return invalid;
        }
        var (set, resources, role, _, _) = check.Submission!;
        var policy = set.RenderPolicy(resources);
        var assessed = await previews.AssessAsync(set, role, policy, requester.Id, cancellationToken).ConfigureAwait(false);
        return new SubmissionPreview(set, role, resources, policy, assessed);
    }

    /// <summary>The checks of a submission, every field's problems at once, then whether the requester's roles may ask for the set.</summary>
    private async Task<(CheckedSubmission? Submission, GovernanceError? Error)> CheckAsync(
        Actor requester, CreateAccessRequestCommand command, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }
            list.Add(message);
        }

        PermissionSet? set = null;
        if (string.IsNullOrWhiteSpace(command.PermissionSet))
        {
            Add("permissionSet", "required field is missing");
        }
        else if ((set = policies.PermissionSets.Find(command.PermissionSet.Trim())) is null)
        {
            Add("permissionSet", $"unknown permission set `{command.PermissionSet}`; GET /v1/permission-sets lists them");
        }

        var resources = new List<string>();
        if (command.Resources is null || command.Resources.Count == 0)
        {
            Add("resources", "name at least one resource");
        }
        else if (command.Resources.Count > MaxResources)
        {
            Add("resources", $"at most {MaxResources} resources per request");
        }
        else
        {
            for (var i = 0; i < command.Resources.Count; i++)
            {
                var resource = command.Resources[i]?.Trim();
                if (string.IsNullOrEmpty(resource))
                {
                    Add($"resources[{i}]", "expected an ARN");
                }
                else if (set?.CheckResource(resource) is { } problem)
                {
                    Add($"resources[{i}]", problem);
                }
                else if (!resources.Contains(resource))
                {
                    resources.Add(resource);
                }
            }
        }

        Accounts.ResolvedPrincipal? role = null;
        if (string.IsNullOrWhiteSpace(command.TargetRole))
        {
            Add("targetRole", "required field is missing");
        }
        else
        {
            var lookup = (await accounts.CurrentAsync(cancellationToken).ConfigureAwait(false)).Accounts.Find(command.TargetRole);
            if (!lookup.Success)
            {
                Add("targetRole", lookup.Error!.Message + (lookup.Error.Candidates.IsEmpty ? string.Empty : $"; did you mean {string.Join(" or ", lookup.Error.Candidates.Select(static c => $"`{c}`"))}?"));
            }
            else if (!CanReceiveGrants(lookup.Principal!))
            {
                Add("targetRole", $"`{command.TargetRole}` is a user; grants go to roles");
            }
            else
            {
                role = lookup.Principal;
            }
        }

        var justification = command.Justification?.Trim();
        if (string.IsNullOrEmpty(justification))
        {
            Add("justification", "say why the access is needed");
        }
        else if (FreeText.Problem(justification, MaxJustificationLength) is { } problem)
        {
            Add("justification", problem);
        }

        if (command.DurationHours is not { } hours)
        {
            Add("durationHours", "required field is missing");
        }
        else if (hours < 1)
        {
            Add("durationHours", "must be at least 1");
        }
        else if (set is not null && hours > set.MaxDurationHours)
        {
            Add("durationHours", $"`{set.Name}` allows at most {set.MaxDurationHours} hours");
        }

        if (errors.Count > 0)
        {
            return (null, GovernanceError.Invalid(errors));
        }
        if (!set!.RequesterRoles.Any(requester.IsIn))
        {
            return (null, GovernanceError.Forbidden(ProblemCodes.RoleMayNotRequest,
                $"`{set.Name}` may be requested by {string.Join(", ", set.RequesterRoles.Select(static r => $"`{r}`"))} only"));
        }
        return (new CheckedSubmission(set, resources, role!, justification!, command.DurationHours!.Value), null);
    }

    /// <summary>The refusal of a request that would add nothing the role could use (<see cref="NothingAdded"/>).</summary>
    private static GovernanceError AddsNothing(PermissionSet set, Accounts.ResolvedPrincipal role, string reason)
        => new(GovernanceErrorKind.Unprocessable, ProblemCodes.RequestAddsNothing,
            $"`{set.Name}` on `{role.Name}` would add nothing, so it was not submitted: {reason}");

    /// <summary>A submission whose fields passed their checks.</summary>
    private sealed record CheckedSubmission(PermissionSet Set, List<string> Resources, Accounts.ResolvedPrincipal Role, string Justification, int Hours);

    /// <summary>
    /// Records <paramref name="approver"/>'s approval of the preview <paramref name="previewVersion"/>; the last approval
    /// needed creates and provisions the grant.
    /// </summary>
    /// <remarks>
    /// The preview is computed again first, under the write lock. When it changed since it was last recorded, the new
    /// one is recorded (<c>request.preview-changed</c>), and if its risk rose (<see cref="RiskIncrease"/>) the approvals
    /// given so far stop counting; an approval given on any other version than the current one is refused with
    /// <see cref="ProblemCodes.PreviewChanged"/>, carrying the new preview, and the change is kept.
    /// </remarks>
    /// <param name="approver">Who approves.</param>
    /// <param name="id">The request.</param>
    /// <param name="previewVersion">The version of the preview the approver saw; null is refused with <see cref="ProblemCodes.PreviewVersionRequired"/>.</param>
    /// <param name="comment">The approver's comment, if any.</param>
    /// <param name="authorize">The caller's own check of the request as read under the write lock, asked before the service's rules (the API's resource-based authorization); its error is returned as is. Null for none.</param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    public Task<Outcome<AccessRequest>> ApproveAsync(Actor approver, Guid id, string? previewVersion, string? comment,
        Func<AccessRequest, Task<GovernanceError?>>? authorize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (DecisionComment.WhyInvalid(comment) is { } invalid)
        {
            return Task.FromResult<Outcome<AccessRequest>>(invalid);
        }
        return DecideAsync(approver, id, authorize, async (request, audit, now) =>
        {
            if (RequestDecisionRules.WhyNotDecide(request, approver.Id) is { } self)
            {
                return new Step(self);
            }
            var assessed = await previews.AssessAsync(request, cancellationToken).ConfigureAwait(false);
            if (!assessed.Success)
            {
                return new Step(assessed.Error);
            }
            var current = assessed.Value;
            var changed = RecordIfChanged(request, current, audit, now);
            if (current.Requirement.Outcome == ApprovalOutcome.Refuse)
            {
                var reasons = string.Join("; ", current.Requirement.Reasons);
                Close(request, audit, AccessRequestStatus.Refused, AuditActions.RequestRefused, Actor.SystemId, reasons, now);
                return new Step(GovernanceError.Conflict(ProblemCodes.PreviewChanged,
                    $"the request's preview changed and the approval rules now refuse it: {reasons}") with { Extensions = Carrying(current) }, Keep: true);
            }
            if (current.Preview.NothingAdded is { } nothing)
            {
                // Approved now, it would wait unseen for the access that hides it to end (a standing policy removed, a boundary lifted).
                return new Step(new GovernanceError(GovernanceErrorKind.Unprocessable, ProblemCodes.RequestAddsNothing,
                    $"the request would add nothing now, so it cannot be approved; deny it, or decide once it adds something: {nothing}")
                {
                    Extensions = Carrying(current),
                }, Keep: changed);
            }
            if (previewVersion is null)
            {
                return new Step(new GovernanceError(GovernanceErrorKind.PreconditionRequired, ProblemCodes.PreviewVersionRequired,
                    "an approval names the preview it was given on: send the request's ETag in If-Match, or previewVersion in the body")
                {
                    Extensions = Carrying(current),
                }, Keep: changed);
            }
            if (!string.Equals(previewVersion, current.Version, StringComparison.Ordinal))
            {
                return new Step(GovernanceError.Conflict(ProblemCodes.PreviewChanged,
                    $"the preview changed since version {previewVersion}: read the new one (version {current.Version}) and approve it again")
                    with { Extensions = Carrying(current) }, Keep: changed);
            }
            if (RequestDecisionRules.WhyNotApprove(request, approver.Id) is { } refused)
            {
                return new Step(refused, Keep: changed);
            }
            var before = RequestAuditState.Of(request);
            if (!request.AddApproval(approver.Id, comment, now, current.Version))
            {
                audit.Append(approver.Id, AuditActions.RequestApprovalAdded, request.Id, null, before, RequestAuditState.Of(request));
                return new Step(null);
            }
            return new Step(null, Approve(request, audit, approver.Id, comment, now, automatic: false, before));
        }, cancellationToken);
    }

    /// <summary>
    /// Records <paramref name="current"/> as <paramref name="request"/>'s preview when its version differs from the one
    /// recorded, superseding the approvals given so far when the risk rose; returns true when it recorded.
    /// </summary>
    private static bool RecordIfChanged(AccessRequest request, RequestPreview current, AuditLog audit, DateTimeOffset now)
    {
        if (string.Equals(request.PreviewVersion, current.Version, StringComparison.Ordinal))
        {
            return false;
        }
        var rose = RiskIncrease.Between(AccessPreviewJson.Deserialize(request.PreviewJson), request.RequiredApprovals, current);
        var before = RequestAuditState.Of(request);
        request.RecordPreview(AccessPreviewJson.Serialize(current.Preview), current, supersedeApprovals: rose is not null, now);
        audit.Append(Actor.SystemId, AuditActions.RequestPreviewChanged, request.Id, null, before, RequestAuditState.Of(request) with { PreviewChange = rose });
        return true;
    }

    /// <summary>What a problem about a changed preview carries: the preview, its version and the approvals it needs.</summary>
    private static ImmutableDictionary<string, object?> Carrying(RequestPreview current)
        => ImmutableDictionary<string, object?>.Empty.Add("currentPreview", current);

    /// <summary>Denies a pending request.</summary>
    /// <param name="approver">Who denies.</param>
    /// <param name="id">The request.</param>
    /// <param name="comment">The approver's comment, if any.</param>
    /// <param name="authorize">As for <see cref="ApproveAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    public Task<Outcome<AccessRequest>> DenyAsync(Actor approver, Guid id, string? comment, Func<AccessRequest, Task<GovernanceError?>>? authorize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (DecisionComment.WhyInvalid(comment) is { } invalid)
        {
            return Task.FromResult<Outcome<AccessRequest>>(invalid);
        }
        return DecideAsync(approver, id, authorize, (request, audit, now) =>
        {
            if (RequestDecisionRules.WhyNotDecide(request, approver.Id) is { } refused)
            {
                return Task.FromResult(new Step(refused));
            }
            Close(request, audit, AccessRequestStatus.Denied, AuditActions.RequestDenied, approver.Id, comment, now);
            return Task.FromResult(new Step(null));
        }, cancellationToken);
    }

    /// <summary>Cancels a pending request: its requester, or an admin.</summary>
    /// <param name="actor">Who cancels.</param>
    /// <param name="id">The request.</param>
    /// <param name="comment">Their comment, if any.</param>
    /// <param name="authorize">As for <see cref="ApproveAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the cancellation.</param>
    public Task<Outcome<AccessRequest>> CancelAsync(Actor actor, Guid id, string? comment, Func<AccessRequest, Task<GovernanceError?>>? authorize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (DecisionComment.WhyInvalid(comment) is { } invalid)
        {
            return Task.FromResult<Outcome<AccessRequest>>(invalid);
        }
        return DecideAsync(actor, id, authorize, (request, audit, now) =>
        {
            if (RequestDecisionRules.WhyNotCancel(request, actor) is { } refused)
            {
                return Task.FromResult(new Step(refused));
            }
            Close(request, audit, AccessRequestStatus.Cancelled, AuditActions.RequestCancelled, actor.Id, comment, now);
            return Task.FromResult(new Step(null));
        }, cancellationToken);
    }

    /// <summary>The error for an access request that does not exist, or that the caller may not learn exists.</summary>
    public static GovernanceError NotFound(Guid id) => GovernanceError.NotFound(ProblemCodes.RequestNotFound, $"no access request `{id}`");

    /// <summary>
    /// Reads the request once, under the write lock, then asks <paramref name="authorize"/>, checks that the request is
    /// pending and applies <paramref name="decide"/>; of two concurrent decisions the second reads the first's outcome.
    /// </summary>
    private async Task<Outcome<AccessRequest>> DecideAsync(Actor actor, Guid id, Func<AccessRequest, Task<GovernanceError?>>? authorize,
        Func<AccessRequest, AuditLog, DateTimeOffset, Task<Step>> decide, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var request = await db.AccessRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return NotFound(id);
        }
        if (authorize is not null && await authorize(request).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }
        if (request.Status != AccessRequestStatus.Pending)
        {
            return GovernanceError.Conflict(ProblemCodes.RequestNotPending, $"request `{id}` is {request.Status}; only pending requests take decisions");
        }
        var audit = await AuditLog.OpenAsync(db, time, cancellationToken).ConfigureAwait(false);
        var step = await decide(request, audit, time.GetUtcNow()).ConfigureAwait(false);
        if (step.Error is not null && !step.Keep)
        {
            return step.Error;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return GovernanceError.Conflict(ProblemCodes.ConcurrentDecision, $"request `{id}` was changed by someone else; reload it and decide again");
        }
        if (step.Error is not null)
        {
            // The decision was refused, but what it found (a changed preview, a refusal by the rules) is kept.
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            CountIfDecided(request);
            return step.Error;
        }
        return await CommitAsync(transaction, audit, actor.Id, step.Grant, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a decision step did: refused (and whether what it recorded is kept anyway), or done, with the grant it created.</summary>
    private readonly record struct Step(GovernanceError? Error, Grant? Grant = null, bool Keep = false);

    private Grant Approve(AccessRequest request, AuditLog audit, string by, string? comment, DateTimeOffset now, bool automatic,
        RequestAuditState? before = null)
    {
        before ??= RequestAuditState.Of(request);
        var window = GrantWindow.StartingAt(now, TimeSpan.FromHours(request.DurationHours));
        var grantId = Guid.CreateVersion7(now);
        var grant = new Grant(grantId, request.Id, request.RequesterId, request.PermissionSet, request.TargetRoleName, request.TargetRoleArn,
            GrantPolicy.WithExpiry(request.PolicyDocument, window), window);
        request.MarkApproved(grantId, by, comment, now, automatic);
        audit.Append(by, AuditActions.RequestApproved, request.Id, grantId, before, RequestAuditState.Of(request));
        db.Grants.Add(grant);
        // grant.provisioned is recorded by CommitAsync once the grant is applied, with the AWS request ids.
        return grant;
    }

    private static void Close(AccessRequest request, AuditLog audit, AccessRequestStatus status, string action, string by, string? comment, DateTimeOffset now)
    {
        var before = RequestAuditState.Of(request);
        request.Close(status, by, comment, now);
        audit.Append(by, action, request.Id, null, before, RequestAuditState.Of(request));
    }

    /// <summary>
    /// Provisions the new grant, if any, records <c>grant.provisioned</c> with the provisioner's AWS request ids, then
    /// commits; a grant that cannot be provisioned rolls everything back.
    /// </summary>
    private async Task<Outcome<AccessRequest>> CommitAsync(IDbContextTransaction transaction, AuditLog audit, string approvedBy, Grant? grant,
        AccessRequest request, CancellationToken cancellationToken)
    {
        if (grant is not null)
        {
            var provisioned = await provisioner.ProvisionAsync(grant, cancellationToken).ConfigureAwait(false);
            if (!provisioned.Success)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                metrics.ProvisioningFailed("provision");
                return new GovernanceError(GovernanceErrorKind.ProvisioningFailed, ProblemCodes.ProvisioningFailed,
                    $"the grant could not be applied, so nothing was recorded: {provisioned.Error}");
            }
            audit.Append(approvedBy, AuditActions.GrantProvisioned, request.Id, grant.Id, null, GrantAuditState.Of(grant, provisioned));
        }
        try
        {
            if (grant is not null)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (grant is not null)
        {
            // The database refused the record: take the access back so that no grant exists without one.
            await provisioner.RevokeAsync(grant, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        CountIfDecided(request);
        return request;
    }

    /// <summary>Counts a request that left pending in the transaction just committed (every caller read it pending).</summary>
    private void CountIfDecided(AccessRequest request)
    {
        var outcome = request.Status switch
        {
            AccessRequestStatus.Approved => "approved",
            AccessRequestStatus.Denied => "denied",
            AccessRequestStatus.Refused => "refused",
            AccessRequestStatus.Cancelled => "cancelled",
            AccessRequestStatus.Expired => "expired",
            _ => null,
        };
        if (outcome is not null)
        {
            metrics.RequestsDecided(outcome);
        }
    }
}
