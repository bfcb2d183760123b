namespace Governance.Core.Infrastructure.Files;

/// <summary>
/// The rule for a file that holds a secret (a signing key): only its owner may read or write it, as SSH requires of a
/// private key. A key others can read is refused, never used or silently tightened: the operator learns it was exposed.
/// </summary>
public static class OwnerOnlyFile
{
    /// <summary>The mode a secret file is created with and must keep: 0600.</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OthersAccess = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Why <paramref name="path"/> may not hold a secret, naming the file and the fix; null when only its owner has access (and on Windows, which has no such modes).</summary>
    /// <param name="path">The file, which exists.</param>
    /// <param name="what">What the file holds, for the message (<c>the signing key</c>).</param>
    public static string? Refusal(string path, string what)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        var mode = File.GetUnixFileMode(path);
        return (mode & OthersAccess) == 0
            ? null
            : $"{what} `{path}` is open to other users (mode {Octal(mode)}); make it readable by the service's user alone: chmod 600 {path}";
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
}
