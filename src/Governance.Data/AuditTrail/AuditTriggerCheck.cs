using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.AuditTrail;

/// <summary>Inspects the database catalog for the append-only triggers the <c>AuditAppendOnly</c> migrations create.</summary>
/// <remarks>
/// A trigger counts when it exists on <c>audit_events</c>, is enabled, and still raises: on SQLite its SQL holds
/// <c>RAISE(ABORT</c>; on PostgreSQL it is not disabled and its function raises an exception. A PostgreSQL superuser can
/// also skip triggers for a session (<c>session_replication_role = replica</c>) without changing the catalog; the signed
/// checkpoints, not this check, catch what such a session rewrites. The names and the SQLite query are
/// <see cref="AuditAppendOnlyTriggers"/>'s, which <c>iamgov audit-log</c> reads without EF Core.
/// </remarks>
public static class AuditTriggerCheck
{
    private const string PostgresQuery = """
        SELECT t.tgname::text AS "Value" FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE t.tgrelid = to_regclass('audit_events') AND NOT t.tgisinternal AND t.tgenabled <> 'D'
          AND p.prosrc LIKE '%RAISE EXCEPTION%'
        """;

    /// <summary>Which of the provider's append-only triggers are missing.</summary>
    public static async Task<AuditTriggerStatus> InspectAsync(GovernanceDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (expected, query) = db.Provider == DatabaseProvider.Sqlite
            ? (AuditAppendOnlyTriggers.Sqlite, AuditAppendOnlyTriggers.SqliteQuery)
            : (AuditAppendOnlyTriggers.Postgres, PostgresQuery);
        var found = await db.Database.SqlQueryRaw<string>(query).ToListAsync(cancellationToken).ConfigureAwait(false);
        return AuditAppendOnlyTriggers.Compare(expected, found);
    }
}
