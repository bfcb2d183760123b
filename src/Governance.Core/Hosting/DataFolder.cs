namespace Governance.Core.Hosting;

/// <summary>The start-up check of <c>Governance:DataDirectory</c>: a folder this user can write, created mode 0700 when missing.</summary>
/// <remarks>
/// The data folder holds the SQLite database, the signing key and the reports; one the service cannot write used to
/// end the start in a stack trace from whichever of them was written first.
/// </remarks>
internal static class DataFolder
{
    /// <summary>Creates the folder when it is missing and checks that this user can write in it.</summary>
    /// <exception cref="InvalidDataException">The path is a file, or the folder cannot be created or written; the message names the setting and the path.</exception>
    public static void Prepare(string path)
    {
        if (File.Exists(path))
        {
            throw new InvalidDataException($"Governance:DataDirectory `{path}` is a file; it must be a folder the service's user can write");
        }
        try
        {
            // Readable by the service's user alone, so the database files inherit no wider access than the key has.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            using (File.Create(Path.Combine(path, $".write-check-{Guid.NewGuid():N}"), 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Governance:DataDirectory `{path}` must be a folder the service's user can write: {e.Message}", e);
        }
    }
}
