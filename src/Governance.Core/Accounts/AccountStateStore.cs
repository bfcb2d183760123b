using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Core.Accounts;

/// <summary>
/// The service's own copy of the account snapshot (the JSON of <c>aws iam get-account-authorization-details</c>) and
/// the <see cref="AccountState"/> built from it. Changes are written to the file atomically and the state is swapped
/// in one step, so readers always see a whole snapshot, before or after a change.
/// </summary>
/// <remarks>Thread-safe: writers are serialized; <see cref="Current"/> never blocks.</remarks>
public sealed class AccountStateStore : IDisposable
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    private readonly SemaphoreSlim _writer = new(1, 1);
    private AccountState _current;

    private AccountStateStore(string path, AccountState state) => (SnapshotPath, _current) = (path, state);

    /// <summary>The snapshot file the store works on.</summary>
    public string SnapshotPath { get; }

    /// <summary>The current state; a new instance after every change.</summary>
    public AccountState Current => Volatile.Read(ref _current);

    /// <summary>
    /// Opens the snapshot at <paramref name="path"/>, first copying <paramref name="seedPath"/> there when the file
    /// does not exist yet (the service's first start).
    /// </summary>
    /// <exception cref="InvalidDataException">The snapshot cannot be read; the message lists every error.</exception>
    public static AccountStateStore Open(string path, string? seedPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            if (seedPath is null || !File.Exists(seedPath))
            {
                throw new FileNotFoundException($"no account snapshot at `{path}` and no seed snapshot at `{seedPath}` to copy", path);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            WriteAtomically(path, File.ReadAllBytes(seedPath));
        }
        return new AccountStateStore(path, Load(File.ReadAllText(path)));
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the snapshot's JSON; when it returns true, writes the file atomically and
    /// swaps <see cref="Current"/>. A change that leaves an unreadable snapshot is not written.
    /// </summary>
    public async Task<bool> UpdateAsync(Func<JsonObject, bool> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var text = await File.ReadAllTextAsync(SnapshotPath, cancellationToken).ConfigureAwait(false);
            if (JsonNode.Parse(text) is not JsonObject root || !change(root))
            {
                return false;
            }
            var updated = root.ToJsonString(WriteOptions);
            var state = Load(updated);
            WriteAtomically(SnapshotPath, Encoding.UTF8.GetBytes(updated + "\n"));
            Volatile.Write(ref _current, state);
            return true;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Replaces the whole snapshot (a fresh read of the live account): checks it, writes the file atomically and swaps
    /// <see cref="Current"/>. An unreadable snapshot is not written.
    /// </summary>
    /// <exception cref="InvalidDataException">The snapshot cannot be read; the message lists every error.</exception>
    public async Task ReplaceAsync(string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = Load(json);
            WriteAtomically(SnapshotPath, Encoding.UTF8.GetBytes(json.TrimEnd() + "\n"));
            Volatile.Write(ref _current, state);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Writes a snapshot file atomically without opening a store, e.g. the first live read before the service starts.</summary>
    public static void WriteFile(string path, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(json);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        WriteAtomically(path, Encoding.UTF8.GetBytes(json.TrimEnd() + "\n"));
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private static AccountState Load(string json)
    {
        var read = AccountSnapshotReader.Read(json);
        return read.Success
            ? new AccountState([read.Snapshot!])
            : throw new InvalidDataException("account snapshot is invalid: " + string.Join("; ", read.Errors));
    }

    /// <summary>Writes a sibling temporary file and renames it over the target: readers see the old file or the new one.</summary>
    private static void WriteAtomically(string path, byte[] content)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
