using Governance.Core.Infrastructure.Signing;

namespace Governance.Cli.Inputs;

/// <summary>
/// Finds the embedded service's data folder, the one holding its signing key, as the service resolves
/// <c>Governance:DataDirectory</c>: a folder given by name (<c>--data-dir</c>, else <c>Governance__DataDirectory</c>)
/// is taken relative to the working directory, as the service takes it; otherwise the service's default, <c>data/</c> of
/// the folder it was started in, is looked for here and in each folder above, as git looks for <c>.git</c>, so that
/// <c>iamgov token</c> run from <c>src/</c> finds the key of a service started at the repository's root.
/// </summary>
internal static class ServiceDataFolder
{
    /// <summary>The service's default data folder name, relative to the folder it starts in.</summary>
    public const string DefaultName = "data";

    /// <summary>
    /// The data folder to sign with: <paramref name="named"/> when given, else the nearest <c>data/</c> holding a signing
    /// key from <paramref name="workingDirectory"/> up; with <paramref name="createKey"/>, <c>data/</c> of the working
    /// directory when none is found. Null with the reason when there is no key and none may be created.
    /// </summary>
    public static (string? Folder, string? Refusal) Find(string? named, string workingDirectory, bool createKey)
    {
        if (named is { Length: > 0 })
        {
            var folder = Path.GetFullPath(named, workingDirectory);
            return HasKey(folder) || createKey
                ? (folder, null)
                : (null, $"no signing key in {folder} ({LocalSigningKey.FileName}); start the service once with this data folder, "
                    + "or pass --create-key to make a new one (the service must then be started with the same folder)");
        }
        for (var dir = new DirectoryInfo(workingDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultName);
            if (HasKey(candidate))
            {
                return (candidate, null);
            }
        }
        var here = Path.Combine(Path.GetFullPath(workingDirectory), DefaultName);
        return createKey
            ? (here, null)
            : (null, $"no signing key: looked for {DefaultName}/{LocalSigningKey.FileName} in {Path.GetFullPath(workingDirectory)} and every folder above it; "
                + "start the service once (it creates the key), pass --data-dir with its Governance:DataDirectory, or --create-key to make a new key in " + here);
    }

    private static bool HasKey(string folder) => File.Exists(Path.Combine(folder, LocalSigningKey.FileName));
}
