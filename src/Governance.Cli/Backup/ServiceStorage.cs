using Governance.Cli.Inputs;
using Governance.Core.AuditTrail.Checkpoints;
using Governance.Core.Hosting;
using Governance.Core.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Governance.Cli.Backup;

/// <summary>
/// Where the embedded service keeps what a backup holds, resolved from its settings as it resolves them
/// (<c>Governance__…</c> environment variables, relative to the working directory): the SQLite file, the data folder, and
/// the audit checkpoints and their key, which may be configured outside the data folder.
/// </summary>
/// <param name="DataDirectory">The data folder, absolute.</param>
/// <param name="DatabaseFile">The SQLite database, absolute (<c>governance.db</c> in the data folder unless a connection string names another).</param>
/// <param name="CheckpointsDirectory">The signed audit checkpoints' folder, absolute.</param>
/// <param name="CheckpointKeyFile">The audit checkpoints' signing key, absolute.</param>
internal sealed record ServiceStorage(string DataDirectory, string DatabaseFile, string CheckpointsDirectory, string CheckpointKeyFile)
{
    /// <summary>The file name SQLite gives its side files, which belong to the database and are never copied on their own.</summary>
    public static readonly string[] SqliteSideSuffixes = ["-wal", "-shm", "-journal"];

    /// <summary>
    /// The storage of the service configured in <paramref name="configuration"/> (the environment, as the service reads it),
    /// with the data folder <paramref name="named"/> when given;
    /// otherwise the service's setting, else (with <paramref name="lookUpwards"/>) the nearest <c>data/</c> holding a signing
    /// key, else <c>data/</c> here. Null with a one-line reason when the settings cannot be read or name PostgreSQL.
    /// </summary>
    public static (ServiceStorage? Storage, string? Refusal) Resolve(IConfiguration configuration, string? named, string workingDirectory, bool lookUpwards)
    {
        GovernanceOptions options;
        try
        {
            options = GovernanceOptions.Read(configuration);
        }
        catch (InvalidOperationException e)
        {
            return (null, MessageText.OneLine(e.Message));
        }
        if (options.Database.Provider == DatabaseProvider.Postgres)
        {
            return (null, "the service's database is PostgreSQL (Governance:Database:Provider=Postgres), which iamgov does not copy: "
                + "back it up with `pg_dump -Fc` and restore it with `pg_restore`, and copy the data folder (its signing keys and audit-checkpoints/) with it");
        }
        var dataDirectory = ResolveDataDirectory(named ?? configuration[$"Governance:{nameof(GovernanceOptions.DataDirectory)}"], workingDirectory, lookUpwards);
        var checkpoints = options.Audit.Checkpoints;
        var database = options.Database.ConnectionString is { Length: > 0 } connection
            ? Path.GetFullPath(new SqliteConnectionStringBuilder(connection).DataSource, workingDirectory)
            : Path.Combine(dataDirectory, "governance.db");
        return (new ServiceStorage(
            dataDirectory,
            database,
            checkpoints.Folder is { Length: > 0 } folder ? Path.GetFullPath(folder, workingDirectory) : Path.Combine(dataDirectory, AuditCheckpointFolder.DefaultFolderName),
            checkpoints.KeyFile is { Length: > 0 } key ? Path.GetFullPath(key, workingDirectory) : Path.Combine(dataDirectory, AuditCheckpointKeyFile.DefaultFileName)), null);
    }

    /// <summary>Whether <paramref name="path"/> is the database or one of SQLite's side files of it.</summary>
    public bool IsDatabaseOrSideFile(string path) =>
        PathsEqual(path, DatabaseFile) || SqliteSideSuffixes.Any(suffix => PathsEqual(path, DatabaseFile + suffix));

    private static string ResolveDataDirectory(string? named, string workingDirectory, bool lookUpwards)
    {
        if (named is { Length: > 0 })
        {
            return Path.GetFullPath(named, workingDirectory);
        }
        if (lookUpwards && ServiceDataFolder.Find(null, workingDirectory, createKey: false) is ({ } found, _))
        {
            return found;
        }
        return Path.Combine(Path.GetFullPath(workingDirectory), ServiceDataFolder.DefaultName);
    }

    private static bool PathsEqual(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
