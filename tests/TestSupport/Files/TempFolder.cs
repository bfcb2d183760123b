namespace TestSupport.Files;

/// <summary>
/// A folder of its own under the system's temp folder (<c>iamgov-tests/</c>), for one test, test class or fixture,
/// deleted with all it holds on dispose. It converts to its path, so it stands where a folder's path is asked for.
/// </summary>
public sealed class TempFolder : IDisposable
{
    private TempFolder(string path) => Path = path;

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>A new, empty folder.</summary>
    public static TempFolder Create()
    {
        var folder = Reserve();
        Directory.CreateDirectory(folder.Path);
        return folder;
    }

    /// <summary>A new folder's path, not yet created: for code under test that must find no folder and make its own.</summary>
    public static TempFolder Reserve()
        => new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iamgov-tests", Guid.NewGuid().ToString("N")));

    /// <summary>The folder's path.</summary>
    public static implicit operator string(TempFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return folder.Path;
    }

    /// <summary>The folder's path.</summary>
    public override string ToString() => Path;

    /// <summary>Deletes the folder if it is there. A file still held open (by a connection being finalized) leaves it
    /// to the system's temp-folder cleanup rather than failing the test.</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left to the system's temp-folder cleanup.
        }
    }
}
