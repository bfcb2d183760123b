using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Readme;

/// <summary>
/// A temporary folder holding a link to each entry of the repository's root: the README's examples run in it as from
/// the root, and the files they write (<c>audit.html</c>, <c>drift.json</c>) stay out of the repository, for the
/// examples after them to read.
/// </summary>
public sealed class LinkedRepositoryRoot : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    public LinkedRepositoryRoot()
    {
        foreach (var entry in new DirectoryInfo(RepositoryPaths.Root).EnumerateFileSystemInfos().Where(static e => e.Name != ".git"))
        {
            var link = System.IO.Path.Combine(_folder, entry.Name);
            if (entry is DirectoryInfo)
            {
                Directory.CreateSymbolicLink(link, entry.FullName);
            }
            else
            {
                File.CreateSymbolicLink(link, entry.FullName);
            }
        }
    }

    /// <summary>The folder.</summary>
    public string Path => _folder.Path;

    /// <summary>Removes the links themselves, never what they point at, then the folder.</summary>
    public void Dispose()
    {
        foreach (var entry in new DirectoryInfo(_folder).EnumerateFileSystemInfos().Where(static e => e.LinkTarget is not null))
        {
            File.Delete(entry.FullName);
        }
        _folder.Dispose();
    }
}
