using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Governance.Cli.Inputs;

/// <summary>Opens the service's SQLite database (<c>data/governance.db</c>) with plain ADO.NET: read-only to check it, writable for a backup's copy.</summary>
/// <remarks>
/// iamgov carries no native SQLite: the builds of e_sqlite3 for every platform were two thirds of its package, so it uses
/// the machine's own libsqlite3 (every Linux distribution and macOS have one). Where a SQLitePCLRaw bundle is loaded
/// already (the test process, which hosts the service and its EF Core too) the bundle's provider is kept.
/// </remarks>
internal static class ServiceDatabaseFile
{
    private static readonly Lazy<bool> SystemSqlite = new(UseSystemSqlite);

    /// <summary>An open connection that can neither change nor create the file.</summary>
    /// <exception cref="DllNotFoundException">The machine has no SQLite library.</exception>
    public static SqliteConnection OpenReadOnly(FileInfo file) => Open(file, SqliteOpenMode.ReadOnly);

    /// <summary>An open connection that may write <paramref name="file"/>, created when it does not exist: a backup's copy.</summary>
    /// <exception cref="DllNotFoundException">The machine has no SQLite library.</exception>
    public static SqliteConnection OpenWritable(FileInfo file) => Open(file, SqliteOpenMode.ReadWriteCreate);

    private static SqliteConnection Open(FileInfo file, SqliteOpenMode mode)
    {
        ArgumentNullException.ThrowIfNull(file);
        _ = SystemSqlite.Value;
        var builder = new SqliteConnectionStringBuilder { DataSource = file.FullName, Mode = mode, Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static bool UseSystemSqlite()
    {
        if (Type.GetType("SQLitePCL.Batteries_V2, SQLitePCLRaw.batteries_v2") is not null)
        {
            return false;
        }
        NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_sqlite3).Assembly, Resolve);
        SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_sqlite3());
        return true;
    }

    // The runtime looks for "sqlite3" as libsqlite3.so, which only the -dev package installs on Debian; the library
    // itself is libsqlite3.so.0.
    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != "sqlite3")
        {
            return IntPtr.Zero;
        }
        foreach (var candidate in (string[])["sqlite3", "libsqlite3.so.0"])
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }
        return IntPtr.Zero;
    }
}
