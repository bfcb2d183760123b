using Governance.Core.AuditTrail;
using Governance.Core.Identity;
using Governance.Core.Infrastructure.Data;
using Governance.Core.OrganizationCopy;
using Governance.Core.Policies;
using Governance.Core.Policies.PermissionSets;
using Governance.Core.Results;
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
/// decide is <see cref="RequestDecisionRules"/>'s to say.
/// </remarks>
public sealed class AccessRequestService(
    GovernanceDbContext db,
    GovernancePolicies policies,
    OrganizationStore accounts,
    IAccessPreviewer previewer,
    IGrantProvisioner provisioner,
    TimeProvider time)
{
    /// <summary>The longest justification kept.</summary>
    public const int MaxJustificationLength = 4000;

    /// <summary>The most resources one request may name.</summary>
    public const int MaxResources = 20;

    /// <summary>Validates a submission, previews it, applies the approval rules and saves it.</summary>
    public async Task<Outcome<AccessRequest>> CreateAsync(Actor requester, CreateAccessRequestCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(command);
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
            else if (lookup.Principal!.Kind != Accounts.PrincipalKind.Role)
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
        else if (justification.Length > MaxJustificationLength)
        {
            Add("justification", $"at most {MaxJustificationLength} characters");
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
            return GovernanceError.Invalid(errors);
        }
        if (!set!.RequesterRoles.Any(requester.IsIn))
        {
            return GovernanceError.Forbidden(ProblemCodes.RoleMayNotRequest,
                $"`{set.Name}` may be requested by {string.Join(", ", set.RequesterRoles.Select(static r => $"`{r}`"))} only");
        }

        var policy = set.RenderPolicy(resources);
        var preview = await previewer.PreviewAsync(new AccessPreviewInput(set, role!, policy), cancellationToken).ConfigureAwait(false);
        var requirement = ApprovalPolicy.Evaluate(set, preview, policies.ApprovalRules);
        var now = time.GetUtcNow();
        var request = new AccessRequest(Guid.CreateVersion7(now), requester.Id, set.Name, resources, role!.Name, role.Arn, justification!,
            command.DurationHours!.Value, requirement.ApprovalsRequired, policy, AccessPreviewJson.Serialize(preview), now);

        await using var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
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
                var before = RequestAuditState.Of(request);
                request.Close(AccessRequestStatus.Refused, Actor.SystemId, reasons, now);
                audit.Append(Actor.SystemId, AuditActions.RequestRefused, request.Id, null, before, RequestAuditState.Of(request));
                break;
            case ApprovalOutcome.RequireApprovals:
                break;
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await CommitAsync(transaction, audit, Actor.SystemId, grant, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records <paramref name="approver"/>'s approval; the last approval needed creates and provisions the grant.</summary>
    /// <param name="approver">Who approves.</param>
    /// <param name="id">The request.</param>
    /// <param name="comment">The approver's comment, if any.</param>
    /// <param name="authorize">The caller's own check of the request as read under the write lock, asked before the service's rules (the API's resource-based authorization); its error is returned as is. Null for none.</param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    public Task<Outcome<AccessRequest>> ApproveAsync(Actor approver, Guid id, string? comment, Func<AccessRequest, Task<GovernanceError?>>? authorize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approver);
        return DecideAsync(approver, id, authorize, (request, audit, now) =>
        {
            if (RequestDecisionRules.WhyNotApprove(request, approver.Id) is { } refused)
            {
                return (refused, null);
            }
            var before = RequestAuditState.Of(request);
            if (!request.AddApproval(approver.Id, comment, now))
            {
                audit.Append(approver.Id, AuditActions.RequestApprovalAdded, request.Id, null, before, RequestAuditState.Of(request));
                return (null, null);
            }
            return (null, Approve(request, audit, approver.Id, comment, now, automatic: false, before));
        }, cancellationToken);
    }

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
        return DecideAsync(approver, id, authorize, (request, audit, now) =>
        {
            if (RequestDecisionRules.WhyNotDecide(request, approver.Id) is { } refused)
            {
                return (refused, null);
            }
            Close(request, audit, AccessRequestStatus.Denied, AuditActions.RequestDenied, approver.Id, comment, now);
            return (null, null);
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
        return DecideAsync(actor, id, authorize, (request, audit, now) =>
        {
            if (RequestDecisionRules.WhyNotCancel(request, actor) is { } refused)
            {
                return (refused, null);
            }
            Close(request, audit, AccessRequestStatus.Cancelled, AuditActions.RequestCancelled, actor.Id, comment, now);
            return (null, null);
        }, cancellationToken);
    }

    /// <summary>The error for an access request that does not exist, or that the caller may not learn exists.</summary>
    public static GovernanceError NotFound(Guid id) => GovernanceError.NotFound(ProblemCodes.RequestNotFound, $"no access request `{id}`");

    /// <summary>
    /// Reads the request once, under the write lock, then asks <paramref name="authorize"/>, checks that the request is
    /// pending and applies <paramref name="decide"/>; of two concurrent decisions the second reads the first's outcome.
    /// </summary>
    private async Task<Outcome<AccessRequest>> DecideAsync(Actor actor, Guid id, Func<AccessRequest, Task<GovernanceError?>>? authorize,
        Func<AccessRequest, AuditLog, DateTimeOffset, (GovernanceError? Error, Grant? Grant)> decide, CancellationToken cancellationToken)
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
        var (error, grant) = decide(request, audit, time.GetUtcNow());
        if (error is not null)
        {
            return error;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return GovernanceError.Conflict(ProblemCodes.ConcurrentDecision, $"request `{id}` was changed by someone else; reload it and decide again");
        }
        return await CommitAsync(transaction, audit, actor.Id, grant, request, cancellationToken).ConfigureAwait(false);
    }

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
        return request;
    }
}
