using System.Text;
using TestSupport.Files;

namespace Governance.Core.Tests.Accounts.Organization;

/// <summary>Writes a snapshot folder's files into a <see cref="TempFolder"/>, creating their folders.</summary>
internal static class TempFolderFiles
{
    public static TempFolder Write(this TempFolder folder, string relativePath, string text) => folder.Write(relativePath, Encoding.UTF8.GetBytes(text));

    public static TempFolder Write(this TempFolder folder, string relativePath, byte[] bytes)
    {
        var full = Path.Combine(folder.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return folder;
    }
}
