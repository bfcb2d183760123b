using Governance.Core.AuditTrail;
using Governance.Core.Identity;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Results;
using Governance.Core.Workflow.Grants;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.Workflow.Credentials;

/// <summary>Issues short-lived AWS credentials for an active grant to its requester, and records that it did.</summary>
public sealed class GrantCredentialService(GovernanceDbContext db, IRoleSessionIssuer issuer, CredentialVendingOptions options, TimeProvider time)
{
    /// <summary>Assumes the grant's role with the grant's statements as session policy, and audits the issue.</summary>
    /// <remarks>
    /// STS is called outside the write transaction, so that a slow STS never holds the database's write lock. A grant
    /// revoked in between still has its credentials delivered and audited: revocation removes the grant's policy from
    /// the role, and a session can do no more than the role's policies allow, so the session loses the grant's access.
    /// </remarks>
    /// <param name="actor">Who asks.</param>
    /// <param name="grantId">The grant.</param>
    /// <param name="authorize">The caller's own check of the grant as read, asked before the service's rules (the API's resource-based authorization); its error is returned as is. Null for none.</param>
    /// <param name="cancellationToken">Cancels the issue.</param>
    public async Task<Outcome<GrantCredentials>> IssueAsync(Actor actor, Guid grantId, Func<Grant, Task<GovernanceError?>>? authorize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var grant = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.Id == grantId, cancellationToken).ConfigureAwait(false);
        if (grant is null)
        {
            return GrantService.NotFound(grantId);
        }
        if (authorize is not null && await authorize(grant).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }
        if (CredentialRules.WhyNotIssue(grant, actor.Id) is { } notTheirs)
        {
            return notTheirs;
        }
        var now = time.GetUtcNow();
        var plan = GrantSession.Plan(grant, now, options.MaxSessionSeconds);
        if (!plan.Success)
        {
            return plan.Error;
        }
        var assumed = await issuer.AssumeRoleAsync(plan.Value, cancellationToken).ConfigureAwait(false);
        if (!assumed.Success)
        {
            return assumed.Error;
        }
        var expiration = assumed.Value.Expiration < grant.EndsAt ? assumed.Value.Expiration : grant.EndsAt;
        var issued = new GrantCredentials(grant, plan.Value, assumed.Value, expiration);

        await using var transaction = await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var audit = await AuditLog.OpenAsync(db, time, cancellationToken).ConfigureAwait(false);
        audit.Append(actor.Id, AuditActions.GrantCredentialsIssued, grant.RequestId, grant.Id, null, CredentialsAuditState.Of(issued));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return issued;
    }
}
