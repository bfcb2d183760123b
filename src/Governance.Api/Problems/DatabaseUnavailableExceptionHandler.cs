using System.Data.Common;
using System.Net.Sockets;
using Governance.Core.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Api.Problems;

/// <summary>
/// Turns a database that does not answer (PostgreSQL restarted or out of reach, SQLite busy or its file gone) into a
/// 503 problem with <c>Retry-After</c>, not a 500: the request failed for a reason that passes, and the service goes
/// on by itself once the database is back (each request opens its connection anew; the pool drops broken ones).
/// </summary>
internal sealed class DatabaseUnavailableExceptionHandler(ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>How long a caller is told to wait.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (Unavailability(exception) is not { } cause)
        {
            return false;
        }
        logger.DatabaseUnavailable(httpContext.Request.Method, ApiLog.Printable(httpContext.Request.Path.Value ?? string.Empty), cause.GetType().Name,
            ApiLog.Printable(cause.Message));
        var error = new GovernanceError(GovernanceErrorKind.Unavailable, ProblemCodes.DatabaseUnavailable,
            "the database did not answer; if this request writes, it may or may not have been recorded: read before trying again")
        {
            RetryAfter = RetryAfter,
        };
        await ((IResult)error.ToProblem(httpContext)).ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    /// <summary>The exception in <paramref name="exception"/>'s chain that says the database did not answer; null for any other failure.</summary>
    internal static Exception? Unavailability(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Npgsql marks connection loss, timeouts and the server's own shutdown states (57P01, 57P03, 08xxx) transient.
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return npgsql;
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState == "53300":
                    return postgres;
                // SQLITE_BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN: the file, not the request, is the problem.
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 8 or 10 or 13 or 14:
                    return sqlite;
                case DbException db when db.IsTransient:
                    return db;
                case TimeoutException timeout:
                    return timeout;
            }
        }
        return null;
    }
}
