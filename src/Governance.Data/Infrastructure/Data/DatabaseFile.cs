using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Core.Infrastructure.Data;

/// <summary>What the start-up checks and the health check say about the database: its name, and whether a SQLite file can be used.</summary>
public static class DatabaseFile
{
    // The first 16 bytes of every SQLite 3 database (https://www.sqlite.org/fileformat.html, "The Database Header").
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <summary>The database a connection string names, without its credentials: the SQLite file's path, or PostgreSQL's <c>host:port/database</c>.</summary>
    public static string Describe(DatabaseProvider provider, string connectionString)
    {
        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                return $"SQLite `{new SqliteConnectionStringBuilder(connectionString).DataSource}`";
            }
            var postgres = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL `{postgres.Host}:{postgres.Port}/{postgres.Database}`";
        }
        catch (ArgumentException)
        {
            return $"{provider} (a connection string that cannot be read)";
        }
    }

    /// <summary>The database's provider and name alone (<c>SQLite `governance.db`</c>, <c>PostgreSQL `governance`</c>), for answers to anonymous callers.</summary>
    public static string ShortName(DatabaseProvider provider, string connectionString)
    {
        try
        {
            return provider == DatabaseProvider.Sqlite
                ? $"SQLite `{Path.GetFileName(new SqliteConnectionStringBuilder(connectionString).DataSource)}`"
                : $"PostgreSQL `{new NpgsqlConnectionStringBuilder(connectionString).Database}`";
        }
        catch (ArgumentException)
        {
            return provider.ToString();
        }
    }

    /// <summary>
    /// Why the SQLite file <paramref name="connectionString"/> names cannot hold the service's data: a folder in its
    /// place, a file this user cannot open for reading and writing, or a file that is not a SQLite database; null when it
    /// can (a missing file is created by the first migration).
    /// </summary>
    public static string? SqliteRefusal(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var path = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || path is "" or ":memory:")
        {
            return null;
        }
        if (Directory.Exists(path))
        {
            return $"the database `{path}` is a folder; it must be a SQLite file";
        }
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[SqliteHeader.Length];
            var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            return read == 0 || (read == header.Length && header.SequenceEqual(SqliteHeader))
                ? null
                : $"the database `{path}` is not a SQLite database (it does not begin with `SQLite format 3`); move it away, or point Governance:Database:ConnectionString at the database";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the database `{path}` cannot be opened for reading and writing by this user ({e.Message}); it must be the service user's and writable (chmod 600)";
        }
    }
}
