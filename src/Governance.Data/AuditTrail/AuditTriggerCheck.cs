using System.Collections.Immutable;
using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Core.AuditTrail;

/// <summary>Inspects the database catalog for the append-only triggers the <c>AuditAppendOnly</c> migrations create.</summary>
/// <remarks>
/// A trigger counts when it exists on <c>audit_events</c>, is enabled, and still raises: on SQLite its SQL holds
/// <c>RAISE(ABORT</c>; on PostgreSQL it is not disabled and its function raises an exception. A PostgreSQL superuser can
/// also skip triggers for a session (<c>session_replication_role = replica</c>) without changing the catalog; the signed
/// checkpoints, not this check, catch what such a session rewrites.
/// </remarks>
public static class AuditTriggerCheck
{
    /// <summary>The SQLite triggers: one refuses UPDATE, one DELETE.</summary>
    public static readonly ImmutableArray<string> SqliteTriggers = ["audit_events_no_update", "audit_events_no_delete"];

    /// <summary>The PostgreSQL triggers: one refuses UPDATE and DELETE, one TRUNCATE.</summary>
    public static readonly ImmutableArray<string> PostgresTriggers = ["audit_events_append_only", "audit_events_no_truncate"];

    /// <summary>Which of the provider's append-only triggers are missing.</summary>
    public static async Task<AuditTriggerStatus> InspectAsync(GovernanceDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (expected, query) = db.Provider == DatabaseProvider.Sqlite
            ? (SqliteTriggers, """
                SELECT name AS "Value" FROM sqlite_master
                WHERE type = 'trigger' AND tbl_name = 'audit_events' AND sql LIKE '%RAISE(ABORT%'
                """)
            : (PostgresTriggers, """
                SELECT t.tgname::text AS "Value" FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                WHERE t.tgrelid = to_regclass('audit_events') AND NOT t.tgisinternal AND t.tgenabled <> 'D'
                  AND p.prosrc LIKE '%RAISE EXCEPTION%'
                """);
        var found = await db.Database.SqlQueryRaw<string>(query).ToListAsync(cancellationToken).ConfigureAwait(false);
        var missing = expected.Where(t => !found.Contains(t, StringComparer.Ordinal)).ToImmutableArray();
        return new AuditTriggerStatus(missing.IsEmpty ? AuditTriggerState.Intact : AuditTriggerState.Missing, missing);
    }
}
