using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Governance.Core.AuditTrail;

/// <summary>
/// The audit chain in the service's SQLite database, read with plain ADO.NET in keyset pages, for tools that verify the
/// file without the service's EF Core model (<c>iamgov audit-log</c>).
/// </summary>
/// <remarks>
/// Reads the columns as the SQLite migrations store them: <c>OccurredAt</c> as UTC ticks (<c>UtcTicksConverter</c>),
/// the ids as GUID text. The hashes are recomputed from these values, so a column read wrongly shows as an altered event.
/// </remarks>
/// <param name="connection">An open connection to the database.</param>
/// <param name="pageSize">Events per query.</param>
public sealed class SqliteAuditEvents(DbConnection connection, int pageSize = 1000) : IAuditEventSource
{
    private const string Page = """
        SELECT Sequence, OccurredAt, Actor, Action, RequestId, GrantId, Before, After, PreviousHash, Hash
        FROM audit_events WHERE Sequence > $after ORDER BY Sequence LIMIT $take
        """;

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long last = 0;
        while (true)
        {
            var page = await ReadPageAsync(last, cancellationToken).ConfigureAwait(false);
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

    private async Task<List<AuditEvent>> ReadPageAsync(long after, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Page;
            Add(command, "$after", after);
            Add(command, "$take", pageSize);
            var page = new List<AuditEvent>(pageSize);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    page.Add(AuditEvent.Restore(reader.GetInt64(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), reader.GetString(2),
                        reader.GetString(3), Id(reader, 4), Id(reader, 5), Text(reader, 6), Text(reader, 7), reader.GetString(8), reader.GetString(9)));
                }
            }
            return page;
        }
    }

    private static void Add(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static Guid? Id(DbDataReader reader, int column)
        => reader.IsDBNull(column) ? null : Guid.Parse(reader.GetString(column), CultureInfo.InvariantCulture);
}
