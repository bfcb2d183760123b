using System.Data.Common;
using Governance.Cli.Inputs;
using Microsoft.Data.Sqlite;

namespace Governance.Cli.Backup;

/// <summary>
/// Copies a running service's state into a new folder: the SQLite database through SQLite's online backup API (a
/// consistent snapshot while the service writes on), the checkpoint key, the checkpoints and the rest of the data folder,
/// and a <see cref="BackupManifest"/> of it all.
/// </summary>
/// <remarks>
/// The checkpoints are copied before the database, so every checkpoint in the backup signs events the copied database
/// holds: a checkpoint beyond the database's chain would read as a truncated chain when the restore is verified.
/// </remarks>
internal static class ServiceBackup
{
    private static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

    /// <summary>Writes the backup of <paramref name="storage"/> into <paramref name="target"/>; the manifest, or what stopped it.</summary>
    public static (BackupManifest? Manifest, string? Error) Run(ServiceStorage storage, string target, DateTimeOffset now, string version)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (File.Exists(target))
        {
            return (null, $"--to {target}: is a file; a new or empty folder was expected");
        }
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            return (null, $"--to {target}: is not empty; back up into a new or empty folder, so that no older file is taken for part of this backup");
        }
        if (!File.Exists(storage.DatabaseFile))
        {
            return (null, $"{storage.DatabaseFile}: no such file; is {storage.DataDirectory} the service's data folder (--data-dir, Governance__DataDirectory)?");
        }
        OwnerOnlyFiles.CreateFolder(target);
        var written = new List<string>();
        foreach (var (source, backupPath) in OtherFiles(storage, Path.GetFullPath(target)))
        {
            if (Copy(source, Path.Combine(target, backupPath)))
            {
                written.Add(backupPath);
            }
        }
        var head = CopyDatabase(storage.DatabaseFile, Path.Combine(target, BackupLayout.Database));
        written.Add(BackupLayout.Database);
        var files = written
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var file = Path.Combine(target, path);
                return new BackupFile(path, new FileInfo(file).Length, BackupManifest.Sha256(file));
            })
            .ToList();
        var manifest = new BackupManifest("iamgov", version, Governance.Core.Formats.UtcTimestamp.Format(now), head, files);
        using (var stream = OwnerOnlyFiles.Create(Path.Combine(target, BackupManifest.FileName)))
        {
            stream.Write(manifest.ToJson());
            stream.Flush(flushToDisk: true);
        }
        return (manifest, null);
    }

    /// <summary>Every file to copy besides the database, with its path in the backup, the checkpoints first.</summary>
    private static IEnumerable<(string Source, string BackupPath)> OtherFiles(ServiceStorage storage, string target)
    {
        if (File.Exists(storage.CheckpointKeyFile))
        {
            yield return (storage.CheckpointKeyFile, BackupLayout.CheckpointKey);
        }
        foreach (var file in FilesUnder(storage.CheckpointsDirectory))
        {
            yield return (file, BackupLayout.Checkpoints + Relative(storage.CheckpointsDirectory, file));
        }
        foreach (var file in FilesUnder(storage.DataDirectory))
        {
            var taken = storage.IsDatabaseOrSideFile(file)
                || IsUnder(file, storage.CheckpointsDirectory)
                || IsUnder(file, target)
                || Relative(storage.DataDirectory, file).StartsWith(ServiceRestore.StagingPrefix, StringComparison.Ordinal)
                || string.Equals(file, storage.CheckpointKeyFile, StringComparison.Ordinal)
                || ServiceStorage.SqliteSideSuffixes.Any(suffix => file.EndsWith(suffix, StringComparison.Ordinal) && File.Exists(file[..^suffix.Length]));
            if (!taken)
            {
                yield return (file, BackupLayout.Data + Relative(storage.DataDirectory, file));
            }
        }
    }

    /// <summary>Copies one file (a SQLite database among them through the backup API); false when it went away meanwhile.</summary>
    private static bool Copy(string source, string destination)
    {
        OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(destination)!);
        try
        {
            if (IsSqlite(source))
            {
                _ = CopyDatabase(source, destination);
            }
            else
            {
                OwnerOnlyFiles.Copy(source, destination);
            }
            return true;
        }
        catch (FileNotFoundException)
        {
            // A report or a run file the service removed while the backup ran: it is not part of the state any more.
            return false;
        }
    }

    /// <summary>A consistent copy of the database at <paramref name="source"/> as it is now; the audit head it holds.</summary>
    private static BackupAuditHead? CopyDatabase(string source, string destination)
    {
        // An empty file is an empty database to SQLite; created here first so that it is 0600 from its first byte.
        using (OwnerOnlyFiles.Create(destination))
        {
        }
        using var from = ServiceDatabaseFile.OpenReadOnly(new FileInfo(source));
        using var to = ServiceDatabaseFile.OpenWritable(new FileInfo(destination));
        from.BackupDatabase(to);
        var head = AuditHead(to);
        to.Close();
        OwnerOnlyFiles.Restrict(destination);
        return head;
    }

    private static BackupAuditHead? AuditHead(SqliteConnection database)
    {
        using var command = database.CreateCommand();
        command.CommandText = "SELECT Sequence, Hash FROM audit_events ORDER BY Sequence DESC LIMIT 1";
        try
        {
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }
            var hash = reader.GetValue(1) switch
            {
                byte[] bytes => Convert.ToHexStringLower(bytes),
                var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
            return new BackupAuditHead(reader.GetInt64(0), hash);
        }
        catch (DbException)
        {
            // Not the service's database (no audit_events): a copy without a head.
            return null;
        }
    }

    private static bool IsSqlite(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual(SqliteHeader);
    }

    private static List<string> FilesUnder(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];

    private static bool IsUnder(string file, string folder) =>
        file.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Relative(string folder, string file) => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
}
