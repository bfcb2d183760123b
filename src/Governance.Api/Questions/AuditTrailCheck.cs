using Governance.Core.AuditTrail;
using Governance.Core.AuditTrail.Checkpoints;
using Governance.Core.Infrastructure.Data;

namespace Governance.Api.Questions;

/// <summary>
/// Verifies the audit chain against its signed checkpoints and the append-only triggers, and logs a broken chain: the
/// one check behind <c>GET /v1/audit/verify</c> and the console's audit page (<c>iamgov audit-log verify</c> runs the same verifier).
/// </summary>
internal static class AuditTrailCheck
{
    /// <summary>Verifies the whole trail now.</summary>
    public static async Task<AuditTrailVerification> VerifyAsync(GovernanceDbContext db, IAuditCheckpointStore checkpoints, IAuditCheckpointSigner signer,
        ILogger logger, CancellationToken cancellationToken)
    {
        var triggers = await AuditTriggerCheck.InspectAsync(db, cancellationToken);
        var result = await AuditTrailVerifier.VerifyAsync(new DatabaseAuditEvents(db), checkpoints, signer.PublicKey, triggers, cancellationToken);
        if (result.Problem is { } problem)
        {
            logger.AuditChainBroken(problem.Sequence);
        }
        return result;
    }
}
