namespace Governance.Cli.Backup;

/// <summary>
/// Where each of the service's files goes in a backup folder, whatever the settings that placed it: the database as
/// <c>governance.db</c>, the checkpoint key as <c>audit-checkpoint-key.pem</c>, the checkpoints under
/// <c>audit-checkpoints/</c>, and the rest of the data folder under <c>data/</c>. A restore puts each back where the
/// restoring service's settings say, so a backup moves between machines whose settings differ.
/// </summary>
internal static class BackupLayout
{
    /// <summary>The database's name in a backup.</summary>
    public const string Database = "governance.db";

    /// <summary>The checkpoint key's name in a backup.</summary>
    public const string CheckpointKey = "audit-checkpoint-key.pem";

    /// <summary>The checkpoints' folder in a backup.</summary>
    public const string Checkpoints = "audit-checkpoints/";

    /// <summary>The data folder's other files' folder in a backup.</summary>
    public const string Data = "data/";

    /// <summary>
    /// Where the file at <paramref name="backupPath"/> is restored to under <paramref name="storage"/>; null when the path
    /// is none that a backup writes (absolute, climbing out with <c>..</c>, or outside the layout).
    /// </summary>
    public static string? Destination(string backupPath, ServiceStorage storage)
    {
        ArgumentNullException.ThrowIfNull(backupPath);
        ArgumentNullException.ThrowIfNull(storage);
        if (backupPath.Length == 0 || backupPath.Contains('\\', StringComparison.Ordinal) || backupPath.StartsWith('/')
            || backupPath.Split('/').Any(static part => part is "" or "." or ".."))
        {
            return null;
        }
        return backupPath switch
        {
            Database => storage.DatabaseFile,
            CheckpointKey => storage.CheckpointKeyFile,
            _ when backupPath.StartsWith(Checkpoints, StringComparison.Ordinal) => Path.Combine(storage.CheckpointsDirectory, backupPath[Checkpoints.Length..]),
            _ when backupPath.StartsWith(Data, StringComparison.Ordinal) => Path.Combine(storage.DataDirectory, backupPath[Data.Length..]),
            _ => null,
        };
    }
}
