using Governance.Cli.Inputs;

namespace Governance.Cli.Output;

/// <summary>
/// The folder SARIF locations are relative to (<c>%SRCROOT%</c>): the repository holding what was validated (the
/// nearest folder above it with <c>.git</c>, as in a CI checkout), else the working folder.
/// </summary>
internal static class SourceRoot
{
    /// <summary>The root for <paramref name="paths"/> (the first that is not standard input), found from <paramref name="workingFolder"/> otherwise.</summary>
    public static string Find(IEnumerable<string> paths, string workingFolder)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var first = paths.FirstOrDefault(static p => !InputFile.IsStandardInput(p));
        var start = first is null ? workingFolder : Path.GetFullPath(first);
        for (var dir = new DirectoryInfo(Directory.Exists(start) ? start : Path.GetDirectoryName(start) ?? workingFolder); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }
        return Path.GetFullPath(workingFolder);
    }

    /// <summary>
    /// <paramref name="fullPath"/> relative to <paramref name="root"/> as a URI reference (<c>policies/roles/a%20b.json</c>),
    /// or null when the file is not below the root.
    /// </summary>
    public static string? RelativeUri(string root, string fullPath)
    {
        if (fullPath.Length == 0)
        {
            return null;
        }
        var relative = Path.GetRelativePath(root, fullPath);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }
        return string.Join('/', relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString));
    }

    /// <summary>The root as a file URI ending in <c>/</c>, as <c>originalUriBaseIds</c> takes it.</summary>
    public static string RootUri(string root)
    {
        var uri = new Uri(Path.GetFullPath(root)).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }
}
