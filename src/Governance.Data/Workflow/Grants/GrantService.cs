using Governance.Core.AuditTrail;
using Governance.Core.Identity;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Results;
using Governance.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Workflow.Grants;

/// <summary>Ends grants: early by revocation, or when their window has passed.</summary>
public sealed class GrantService(GovernanceDbContext db, IGrantProvisioner provisioner, GovernanceMetrics metrics, TimeProvider time)
{
    /// <summary>The error for a grant that does not exist, or that the caller may not learn exists.</summary>
    public static GovernanceError NotFound(Guid id) => GovernanceError.NotFound(ProblemCodes.GrantNotFound, $"no grant `{id}`");

    /// <summary>
    /// Revokes an active grant: the record, its audit event and the removal of its policy succeed together. Approvers and
    /// admins revoke any grant, a requester their own (<see cref="GrantRevocationRules"/>); the event names who did.
    /// </summary>
    public async Task<Outcome<Grant>> RevokeAsync(Actor actor, Guid id, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (DecisionComment.WhyInvalid(comment) is { } invalid)
        {
            return invalid;
        }
        await using var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var grant = await db.Grants.FirstOrDefaultAsync(g => g.Id == id, cancellationToken).ConfigureAwait(false);
        if (grant is null)
        {
            return NotFound(id);
        }
        if (GrantRevocationRules.WhyNotRevoke(grant, actor) is { } refused)
        {
            return refused;
        }
        if (grant.Status != GrantStatus.Active)
        {
            return GovernanceError.Conflict(ProblemCodes.GrantNotActive, $"grant `{id}` is {grant.Status}; only active grants can be revoked");
        }
        var audit = await AuditLog.OpenAsync(db, time, cancellationToken).ConfigureAwait(false);
        var before = GrantAuditState.Of(grant);
        grant.End(GrantStatus.Revoked, actor.Id, comment, time.GetUtcNow());
        try
        {
            // Saved before the policy is removed, so that of two concurrent revocations only one goes on.
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return GovernanceError.Conflict(ProblemCodes.ConcurrentChange, $"grant `{id}` was changed by someone else; reload it");
        }
        var revoked = await provisioner.RevokeAsync(grant, cancellationToken).ConfigureAwait(false);
        if (!revoked.Success)
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            metrics.ProvisioningFailed("revoke");
            return new GovernanceError(GovernanceErrorKind.ProvisioningFailed, ProblemCodes.RevocationFailed, $"the grant's policy could not be removed: {revoked.Error}");
        }
        audit.Append(actor.Id, AuditActions.GrantRevoked, grant.RequestId, grant.Id, before, GrantAuditState.Of(grant, revoked));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return grant;
    }

    /// <summary>Removes the policy of every active grant whose window has ended and marks it expired; safe to run again.</summary>
    /// <remarks>
    /// Policies are removed first and the grants recorded after, in one transaction: a run that stops in between
    /// leaves the grants active with their policies gone, and the next run (revocation is idempotent) records them.
    /// A grant whose policy could not be removed stays active and is tried again by the next run.
    /// </remarks>
    /// <returns>How many grants expired.</returns>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var due = await db.Grants.Where(g => g.Status == GrantStatus.Active && g.EndsAt <= now)
            .OrderBy(static g => g.EndsAt).Take(500)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var revoked = new List<(Grant Grant, ProvisioningResult Result)>(due.Count);
        foreach (var grant in due)
        {
            // The policy's own DateLessThan condition has already ended the access; removing it is housekeeping.
            var result = await provisioner.RevokeAsync(grant, cancellationToken).ConfigureAwait(false);
            if (result.Success)
            {
                revoked.Add((grant, result));
            }
            else
            {
                metrics.ProvisioningFailed("expire");
            }
        }
        if (revoked.Count == 0)
        {
            return 0;
        }
        var audit = await AuditLog.OpenAsync(db, time, cancellationToken).ConfigureAwait(false);
        foreach (var (grant, result) in revoked)
        {
            var before = GrantAuditState.Of(grant);
            grant.End(GrantStatus.Expired, Actor.SystemId, "window ended", now);
            audit.Append(Actor.SystemId, AuditActions.GrantExpired, grant.RequestId, grant.Id, before, GrantAuditState.Of(grant, result));
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return revoked.Count;
    }
}
