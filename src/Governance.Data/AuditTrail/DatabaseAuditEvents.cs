using System.Runtime.CompilerServices;
using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.AuditTrail;

/// <summary>The audit chain in the governance database, read in keyset pages so memory stays flat.</summary>
/// <param name="db">The database.</param>
/// <param name="after">Read only the events after this sequence.</param>
/// <param name="pageSize">Events per query.</param>
public sealed class DatabaseAuditEvents(GovernanceDbContext db, long after = 0, int pageSize = 1000) : IAuditEventSource
{
    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = after;
        while (true)
        {
            var page = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Sequence > last)
                .OrderBy(static e => e.Sequence)
                .Take(pageSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
            {
                yield return e;
            }
            if (page.Count < pageSize)
            {
                yield break;
            }
            last = page[^1].Sequence;
        }
    }
}
