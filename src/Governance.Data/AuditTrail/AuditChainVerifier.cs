using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.AuditTrail;

/// <summary>Recomputes the audit chain from the database and names the first broken link.</summary>
public static class AuditChainVerifier
{
    private const int BatchSize = 1000;

    /// <summary>Checks, in order: sequences run 1, 2, 3…; each previous hash is the prior event's hash; each hash is
    /// the SHA-256 of the event's canonical form.</summary>
    public static async Task<AuditVerification> VerifyAsync(GovernanceDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        long expected = 1;
        var previous = AuditHasher.Genesis;
        long after = 0;
        while (true)
        {
            // Keyset pages keep memory flat however long the chain is.
            var batch = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(static e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var e in batch)
            {
                if (AuditChainLink.Check(e, expected, previous) is { } reason)
                {
                    return new AuditVerification(false, expected - 1, e.Sequence, reason, previous);
                }
                previous = e.Hash;
                expected++;
            }
            if (batch.Count < BatchSize)
            {
                return new AuditVerification(true, expected - 1, null, null, expected == 1 ? null : previous);
            }
            after = batch[^1].Sequence;
        }
    }
}
