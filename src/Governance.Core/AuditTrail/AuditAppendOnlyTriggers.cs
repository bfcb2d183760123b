using System.Collections.Immutable;
using System.Data.Common;

namespace Governance.Core.AuditTrail;

/// <summary>
/// The append-only triggers the <c>AuditAppendOnly</c> migrations create, by provider, and the SQLite catalog query that
/// finds them: one list for the service's check (<c>AuditTriggerCheck</c>, through EF Core) and for <c>iamgov audit-log
/// verify --database</c> (plain ADO.NET, so the CLI carries no EF Core).
/// </summary>
public static class AuditAppendOnlyTriggers
{
    /// <summary>The SQLite triggers: one refuses UPDATE, one DELETE.</summary>
    public static readonly ImmutableArray<string> Sqlite = ["audit_events_no_update", "audit_events_no_delete"];

    /// <summary>The PostgreSQL triggers: one refuses UPDATE and DELETE, one TRUNCATE.</summary>
    public static readonly ImmutableArray<string> Postgres = ["audit_events_append_only", "audit_events_no_truncate"];

    /// <summary>The SQLite triggers on <c>audit_events</c> that still raise, one name a row in the column <c>Value</c>.</summary>
    public const string SqliteQuery = """
        SELECT name AS "Value" FROM sqlite_master
        WHERE type = 'trigger' AND tbl_name = 'audit_events' AND sql LIKE '%RAISE(ABORT%'
        """;

    /// <summary>Which of <paramref name="expected"/> are not among <paramref name="found"/>.</summary>
    public static AuditTriggerStatus Compare(ImmutableArray<string> expected, IReadOnlyCollection<string> found)
    {
        var missing = expected.Where(t => !found.Contains(t, StringComparer.Ordinal)).ToImmutableArray();
        return new AuditTriggerStatus(missing.IsEmpty ? AuditTriggerState.Intact : AuditTriggerState.Missing, missing);
    }

    /// <summary>Which SQLite triggers are missing, read from an open connection to the service's SQLite database.</summary>
    public static async Task<AuditTriggerStatus> InspectSqliteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = SqliteQuery;
            var found = new List<string>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    found.Add(reader.GetString(0));
                }
            }
            return Compare(Sqlite, found);
        }
    }
}
