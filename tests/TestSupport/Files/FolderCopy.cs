namespace TestSupport.Files;

/// <summary>Copies a folder's files, below it too, so a test can change a copy of the repository's data and keep the original.</summary>
public static class FolderCopy
{
    /// <summary>Copies every file below <paramref name="from"/> to the same place below <paramref name="to"/>, creating folders as needed.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
