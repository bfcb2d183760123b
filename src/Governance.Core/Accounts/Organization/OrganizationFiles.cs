using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Governance.Core.Accounts.Organization;

/// <summary>
/// The files of an organisation snapshot folder, held in memory by their path relative to the folder (<c>/</c>
/// separated): the form the service keeps in its database and the crawl produces, read by
/// <see cref="OrganizationSnapshotReader.Read(OrganizationFiles, OrganizationReadLimits?, CancellationToken)"/> exactly as the folder.
/// </summary>
/// <remarks>Immutable: <see cref="With"/> returns a new set.</remarks>
public sealed class OrganizationFiles
{
    private readonly ImmutableSortedDictionary<string, ImmutableArray<byte>> _files;

    private OrganizationFiles(ImmutableSortedDictionary<string, ImmutableArray<byte>> files) => _files = files;

    /// <summary>No files.</summary>
    public static OrganizationFiles Empty { get; } = new(ImmutableSortedDictionary.Create<string, ImmutableArray<byte>>(StringComparer.Ordinal));

    /// <summary>Every path, in ordinal order.</summary>
    public IEnumerable<string> Paths => _files.Keys;

    /// <summary>The number of files.</summary>
    public int Count => _files.Count;

    /// <summary>The content of the file at <paramref name="path"/>, or null.</summary>
    public ReadOnlyMemory<byte>? this[string path] => _files.TryGetValue(path, out var bytes) ? bytes.AsMemory() : (ReadOnlyMemory<byte>?)null;

    /// <summary>The path of an account's file: <c>accounts/ID/NAME</c>.</summary>
    public static string AccountFile(string accountId, string fileName) => $"{OrganizationSnapshotReader.AccountsFolderName}/{accountId}/{fileName}";

    /// <summary>This set with the file at <paramref name="path"/> added or replaced.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a relative path of the snapshot's shape.</exception>
    public OrganizationFiles With(string path, ReadOnlySpan<byte> content)
    {
        CheckPath(path);
        return new(_files.SetItem(path, [.. content]));
    }

    /// <summary>
    /// Collects the snapshot files of <paramref name="folder"/>: <c>organization.json</c> and each account's
    /// <c>authorization-details.json</c> and <c>resources.json</c>; anything else is not part of the snapshot and is left.
    /// </summary>
    /// <remarks>Read the folder with <see cref="OrganizationSnapshotReader.ReadFolder"/> first: it bounds and checks what this copies.</remarks>
    public static OrganizationFiles FromFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var files = Empty._files.ToBuilder();
        Add(OrganizationSnapshotReader.OrganizationFileName);
        var accounts = Path.Combine(folder, OrganizationSnapshotReader.AccountsFolderName);
        if (Directory.Exists(accounts))
        {
            foreach (var account in new DirectoryInfo(accounts).EnumerateDirectories().Where(static d => !d.Name.StartsWith('.')))
            {
                Add(AccountFile(account.Name, OrganizationSnapshotReader.AuthorizationDetailsFileName));
                Add(AccountFile(account.Name, OrganizationSnapshotReader.ResourcesFileName));
            }
        }
        return new(files.ToImmutable());

        void Add(string relative)
        {
            var full = Path.Combine(folder, relative);
            if (File.Exists(full))
            {
                files[relative] = ImmutableCollectionsMarshal.AsImmutableArray(File.ReadAllBytes(full));
            }
        }
    }

    /// <summary>Writes the files under <paramref name="folder"/>, creating the folders they need.</summary>
    public void WriteTo(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        foreach (var (path, content) in _files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, ImmutableCollectionsMarshal.AsArray(content)!);
        }
    }

    /// <summary>The bytes of the file at <paramref name="path"/> without a copy, for the reader, which never writes to them.</summary>
    internal byte[]? Find(string path) => _files.TryGetValue(path, out var bytes) ? ImmutableCollectionsMarshal.AsArray(bytes) : null;

    private static void CheckPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var segments = path.Split('/');
        if (path.Contains('\\', StringComparison.Ordinal) || segments.Any(static s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"`{path}` is not a relative path inside a snapshot folder", nameof(path));
        }
    }
}
