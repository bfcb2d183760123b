using System.Globalization;
using System.Runtime.CompilerServices;

namespace Governance.Core.AuditTrail.Checkpoints;

/// <summary>
/// The embedded default's checkpoint store: one file per checkpoint in a folder (<c>data/audit-checkpoints/</c>),
/// named after the range it covers (<c>00000000000000000001-00000000000000000100.json</c>), mode 0600.
/// </summary>
/// <remarks>
/// A file appears whole or not at all: it is written to a temporary name, flushed, and renamed without replacing, so a
/// range already written by another process is never overwritten.
/// </remarks>
public sealed class AuditCheckpointFolder(string path) : IAuditCheckpointStore
{
    /// <summary>The default folder's name in the data folder.</summary>
    public const string DefaultFolderName = "audit-checkpoints";

    private const string Extension = ".json";

    /// <summary>The folder.</summary>
    public string Path { get; } = path;

    /// <summary>The file name of the checkpoint covering <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static string FileName(long from, long to)
        => string.Create(CultureInfo.InvariantCulture, $"{from:D20}-{to:D20}{Extension}");

    /// <inheritdoc />
    public async Task<AuditCheckpoint?> LatestAsync(CancellationToken cancellationToken)
    {
        var files = Files();
        if (files.Count == 0)
        {
            return null;
        }
        var newest = files[^1];
        var stored = await ReadAsync(newest, cancellationToken).ConfigureAwait(false);
        return stored.Checkpoint ?? throw new InvalidDataException($"the newest audit checkpoint `{newest.File}` cannot be read: {stored.Error}");
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredCheckpoint> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in Files())
        {
            yield return await ReadAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(Files().Count);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredCheckpoint>> ReadPageAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var page = new List<StoredCheckpoint>();
        foreach (var file in Files().Skip(skip).Take(take))
        {
            page.Add(await ReadAsync(file, cancellationToken).ConfigureAwait(false));
        }
        return page;
    }

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path);
        }
        else
        {
            Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var target = System.IO.Path.Combine(Path, FileName(checkpoint.From, checkpoint.To));
        if (File.Exists(target))
        {
            return false;
        }
        var temp = System.IO.Path.Combine(Path, $".{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            await using (var stream = new FileStream(temp, options))
            {
                await stream.WriteAsync(AuditCheckpointFormat.FileBytes(checkpoint), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The checkpoint files in the order of their ranges; other files (temporary ones) are not checkpoints.</summary>
    private List<(string File, long From, long To)> Files()
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }
        var files = new List<(string File, long From, long To)>();
        foreach (var file in Directory.EnumerateFiles(Path, "*" + Extension))
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(file).Split('-');
            if (name.Length == 2 && long.TryParse(name[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                && long.TryParse(name[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to))
            {
                files.Add((file, from, to));
            }
        }
        files.Sort(static (a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.To.CompareTo(b.To));
        return files;
    }

    private static async Task<StoredCheckpoint> ReadAsync((string File, long From, long To) file, CancellationToken cancellationToken)
    {
        var name = System.IO.Path.GetFileName(file.File);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file.File, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            return new StoredCheckpoint(name, file.From, null, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return new StoredCheckpoint(name, file.From, null, e.Message);
        }
        var (checkpoint, error) = AuditCheckpointFormat.Parse(bytes);
        if (checkpoint is not null && (checkpoint.From != file.From || checkpoint.To != file.To))
        {
            return new StoredCheckpoint(name, file.From, null, $"the file's name says events {file.From}–{file.To}, its content {checkpoint.From}–{checkpoint.To}");
        }
        return new StoredCheckpoint(name, file.From, checkpoint, error);
    }
}
