using Governance.Core.Reports;
using Governance.Core.Risk;

namespace Governance.Cli.Commands;

/// <summary>Writes <c>iamgov audit --role-graph FILE</c>: streamed to a file beside it, then moved in place, so a failed run leaves no half-written graph.</summary>
internal static class RoleGraphFile
{
    /// <summary>Writes <paramref name="graph"/> to <paramref name="file"/>; false after saying why it could not.</summary>
    public static bool TryWrite(FileInfo file, RoleGraph graph, TextWriter stderr)
    {
        if (Directory.Exists(file.FullName))
        {
            stderr.WriteLine($"iamgov: --role-graph {file}: is a folder; a file was expected");
            return false;
        }
        var partial = file.FullName + ".partial";
        try
        {
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                RoleGraphJson.Write(graph, stream);
            }
            File.Move(partial, file.FullName, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard(partial);
            stderr.WriteLine($"iamgov: --role-graph {file}: cannot be written ({e.Message.ReplaceLineEndings(" ").Trim()})");
            return false;
        }
    }

    private static void Discard(string partial)
    {
        try
        {
            File.Delete(partial);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing was written there, or it cannot be removed either; the error said why the graph is missing.
        }
    }
}
