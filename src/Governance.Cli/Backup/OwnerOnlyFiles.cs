namespace Governance.Cli.Backup;

/// <summary>
/// Folders and files a backup or a restore writes, readable by their owner alone (0700 and 0600) from the moment they
/// exist: a backup holds the signing keys, so it must never be readable by others, even for an instant.
/// </summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> and the folders above it that are missing as 0700, and makes it 0700 if it existed.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, Folder);
        System.IO.File.SetUnixFileMode(path, Folder);
    }

    /// <summary>A new file at <paramref name="path"/> (which must not exist), 0600, open for writing.</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = File;
        }
        return new FileStream(path, options);
    }

    /// <summary>Copies <paramref name="source"/> to the new file <paramref name="destination"/>, 0600, flushed to disk.</summary>
    public static void Copy(string source, string destination)
    {
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var output = Create(destination);
        input.CopyTo(output);
        output.Flush(flushToDisk: true);
    }

    /// <summary>Makes the existing file <paramref name="path"/> 0600 (SQLite creates its files with the process's umask).</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(path, File);
        }
    }
}
