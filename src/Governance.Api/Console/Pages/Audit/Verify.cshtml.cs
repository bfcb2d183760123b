using Governance.Api.Questions;
using Governance.Core.AuditTrail;
using Governance.Core.AuditTrail.Checkpoints;
using Governance.Core.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Console.Pages.Audit;

/// <summary>
/// The audit chain's verification in words: the same check as <c>GET /v1/audit/verify</c> (and the verifier of
/// <c>iamgov audit-log verify</c>), with the last signed checkpoint's time and key. Approvers and admins (the folder's rule).
/// </summary>
public sealed class VerifyModel(GovernanceDbContext db, IAuditCheckpointStore checkpoints, IAuditCheckpointSigner signer,
    ILogger<VerifyModel> logger) : PageModel
{
    /// <summary>The verification's outcome.</summary>
    public AuditTrailVerification Result { get; private set; } = null!;

    /// <summary>The newest signed checkpoint, when the trail verifies and one exists.</summary>
    public AuditCheckpoint? LastCheckpoint { get; private set; }

    /// <summary>The id of the key this service signs checkpoints with now.</summary>
    public string CurrentKeyId => signer.PublicKey.KeyId;

    /// <summary>Verifies the whole trail now.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await AuditTrailCheck.VerifyAsync(db, checkpoints, signer, logger, cancellationToken);
        // Read only after a clean verification: a newest checkpoint that cannot be read is already the problem shown.
        LastCheckpoint = Result.Valid && Result.CheckpointsVerified > 0 ? await checkpoints.LatestAsync(cancellationToken) : null;
    }

    /// <summary>What kind of problem <paramref name="kind"/> is, for people.</summary>
    public static string Describe(AuditProblemKind kind) => kind switch
    {
        AuditProblemKind.EventAltered => "An event was changed after it was written (its content no longer matches its own hash).",
        AuditProblemKind.EventUnlinked => "An event does not link to the event before it (events were reordered or replaced).",
        AuditProblemKind.EventMissing => "An event is missing: it was deleted.",
        AuditProblemKind.EventNotAsSigned => "An event differs from what a signed checkpoint holds: it was rewritten, forged, inserted or replaced.",
        AuditProblemKind.ChainTruncated => "The chain ends before the last signed checkpoint: its newest events were deleted.",
        AuditProblemKind.CheckpointInvalid => "A signed checkpoint does not verify with the public key, or cannot be read.",
        AuditProblemKind.CheckpointMissing => "A signed checkpoint is missing: the checkpoints leave a gap.",
        AuditProblemKind.CheckpointChainBroken => "A signed checkpoint does not follow the one before it.",
        AuditProblemKind.TriggerMissing => "A database trigger that keeps the audit table append-only was dropped or disabled.",
        _ => "The audit trail does not verify.",
    };
}
