namespace Governance.Cli.Backup;

/// <summary>
/// Puts a backup back where a stopped service's settings keep its state: every file is checked against the manifest
/// before anything is written, each is written under a staging folder in the data folder and then renamed into place,
/// the database last, so a restore killed half-way leaves no half-written database behind.
/// </summary>
internal static class ServiceRestore
{
    /// <summary>The name of the folder a restore stages its files in, in the data folder; a backup leaves such a folder out.</summary>
    public const string StagingPrefix = ".restore-";

    /// <summary>Restores <paramref name="from"/> into <paramref name="storage"/>; the manifest restored, or what stopped it (nothing written then).</summary>
    public static (BackupManifest? Manifest, string? Error) Run(string from, ServiceStorage storage, bool force)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var (manifest, checkError) = Check(from, storage);
        if (manifest is null)
        {
            return (null, checkError);
        }
        if (!force && Occupied(storage) is { } occupied)
        {
            return (null, $"{occupied}: is not empty; restore into a new or empty data folder, or pass --force to replace what the backup holds (stop the service first)");
        }
        OwnerOnlyFiles.CreateFolder(storage.DataDirectory);
        var staging = Path.Combine(storage.DataDirectory, StagingPrefix + Guid.NewGuid().ToString("N"));
        OwnerOnlyFiles.CreateFolder(staging);
        try
        {
            foreach (var file in manifest.Files)
            {
                var staged = Path.Combine(staging, file.Path);
                OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(staged)!);
                OwnerOnlyFiles.Copy(Path.Combine(from, file.Path), staged);
            }
            // The database last: until its rename, the data folder holds no new database at all.
            foreach (var file in manifest.Files.OrderBy(static f => f.Path == BackupLayout.Database))
            {
                var destination = BackupLayout.Destination(file.Path, storage)!;
                OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(destination)!);
                if (file.Path == BackupLayout.Database)
                {
                    // A journal or WAL left from the replaced database would be replayed into the restored one.
                    foreach (var suffix in ServiceStorage.SqliteSideSuffixes)
                    {
                        File.Delete(destination + suffix);
                    }
                }
                File.Move(Path.Combine(staging, file.Path), destination, overwrite: true);
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
        return (manifest, null);
    }

    /// <summary>The manifest when every file it names is in <paramref name="from"/> as it describes; else the first difference.</summary>
    private static (BackupManifest? Manifest, string? Error) Check(string from, ServiceStorage storage)
    {
        if (!Directory.Exists(from))
        {
            return (null, $"--from {from}: no such folder");
        }
        var manifestFile = Path.Combine(from, BackupManifest.FileName);
        if (!File.Exists(manifestFile))
        {
            return (null, $"{manifestFile}: no such file; --from names a folder written by `iamgov admin backup`");
        }
        var (manifest, error) = BackupManifest.Parse(File.ReadAllBytes(manifestFile));
        if (manifest is null)
        {
            return (null, $"{manifestFile}: {error}");
        }
        if (!manifest.Files.Any(static f => f.Path == BackupLayout.Database))
        {
            return (null, $"{manifestFile}: names no {BackupLayout.Database}; nothing was restored");
        }
        foreach (var file in manifest.Files)
        {
            if (BackupLayout.Destination(file.Path, storage) is null)
            {
                return (null, $"{manifestFile}: `{file.Path}` is no path a backup writes; nothing was restored");
            }
            var path = Path.Combine(from, file.Path);
            if (!File.Exists(path))
            {
                return (null, $"{path}: no such file, though the manifest lists it; nothing was restored");
            }
            if (new FileInfo(path).Length != file.Size || BackupManifest.Sha256(path) != file.Sha256)
            {
                return (null, $"{path}: does not match the manifest (its size or SHA-256 differs); the backup was changed or damaged, nothing was restored");
            }
        }
        return (manifest, null);
    }

    /// <summary>The first place the restore would overwrite that holds something already; null when all are empty.</summary>
    private static string? Occupied(ServiceStorage storage)
    {
        if (Directory.Exists(storage.DataDirectory) && Directory.EnumerateFileSystemEntries(storage.DataDirectory).Any())
        {
            return storage.DataDirectory;
        }
        if (Directory.Exists(storage.CheckpointsDirectory) && Directory.EnumerateFileSystemEntries(storage.CheckpointsDirectory).Any())
        {
            return storage.CheckpointsDirectory;
        }
        return new[] { storage.DatabaseFile, storage.CheckpointKeyFile }.FirstOrDefault(File.Exists);
    }
}
