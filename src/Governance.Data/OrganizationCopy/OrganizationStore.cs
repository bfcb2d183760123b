using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Core.Accounts.Organization;
using Governance.Core.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Core.OrganizationCopy;

/// <summary>
/// The service's copy of the organisation, kept in the governance database and versioned, so that every node of a
/// cluster (API nodes and the worker) answers from the same picture: a grant one node writes is in the next answer of
/// any other, and a revoked one is gone from all.
/// </summary>
/// <remarks>
/// <para>
/// Each change writes a new <see cref="OrganizationVersion"/> inside the database's write lock
/// (<see cref="GovernanceDbContext.BeginWriteAsync"/>), so changes from several processes apply one after the other,
/// each on top of the last. Readers never lock: <see cref="CurrentAsync"/> asks the database for the newest version
/// number (one small query) and reads the version only when it is not the one this node already holds. A node keeps
/// only committed versions it has read or written itself, so a version number always names the same content.
/// </para>
/// <para>
/// Documents are stored once by content hash, compressed; loading checks each against its hash, so a document changed
/// in the database is refused rather than answered from. Old versions beyond <see cref="KeptVersions"/> are dropped
/// with the documents only they held, in the same transaction as the version that replaces them.
/// </para>
/// </remarks>
public sealed class OrganizationStore(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    /// <summary>The longest <see cref="OrganizationVersion.Reason"/>.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>How many versions are kept: enough to see what recent grants and refreshes changed.</summary>
    public const int KeptVersions = 100;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly SemaphoreSlim _loading = new(1, 1);
    private OrganizationState? _current;
    private readonly FreshRead<long?> _headChecks = new(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        return await HeadAsync(scope.ServiceProvider.GetRequiredService<GovernanceDbContext>(), CancellationToken.None).ConfigureAwait(false);
    });

    /// <summary>The newest version, read from the database when this node does not hold it yet.</summary>
    /// <exception cref="InvalidOperationException">The copy is empty: <see cref="SeedAsync"/> has not run.</exception>
    /// <exception cref="InvalidDataException">The newest version cannot be read: a document is missing or altered.</exception>
    public async Task<OrganizationState> CurrentAsync(CancellationToken cancellationToken)
    {
        // Questions come by the thousand a second: they share the check of the newest version number, each waiting for
        // one that started after it asked, so none is answered from a version older than what was committed before it.
        var head = await _headChecks.GetAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the organisation copy is empty: the service seeds it when it starts");
        var held = Volatile.Read(ref _current);
        if (held is not null && held.Version == head)
        {
            return held;
        }
        await using var scope = scopes.CreateAsyncScope();
        return await LoadAsync(scope.ServiceProvider.GetRequiredService<GovernanceDbContext>(), head, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The newest version, or null while the copy is empty.</summary>
    /// <exception cref="InvalidDataException">The newest version cannot be read: a document is missing or altered.</exception>
    public async Task<OrganizationState?> TryCurrentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await NewestAsync(scope.ServiceProvider.GetRequiredService<GovernanceDbContext>(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the first version from <paramref name="seed"/> when the copy is empty; otherwise leaves the copy as it is.
    /// Several processes starting at once seed it once.
    /// </summary>
    /// <param name="seed">The files of the first version, asked for only when the copy is empty.</param>
    /// <param name="reason">Where the seed came from.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The current version, and whether this call wrote it.</returns>
    public async Task<(OrganizationState State, bool Seeded)> SeedAsync(Func<CancellationToken, Task<OrganizationFiles>> seed, string reason,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var seeded = false;
        var state = await ChangeAsync(async (basis, ct) =>
        {
            if (basis is not null)
            {
                return null;
            }
            seeded = true;
            return await seed(ct).ConfigureAwait(false);
        }, reason, cancellationToken).ConfigureAwait(false);
        return (state, seeded);
    }

    /// <summary>Replaces the whole copy (a fresh read of the organisation) with <paramref name="files"/>, unless they are the same.</summary>
    /// <exception cref="InvalidDataException">The files do not make a readable snapshot; nothing is written.</exception>
    public Task<OrganizationState> ReplaceAsync(OrganizationFiles files, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        return ChangeAsync((_, _) => Task.FromResult<OrganizationFiles?>(files), reason, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the IAM export (<c>get-account-authorization-details</c> JSON) of
    /// <paramref name="accountId"/> in the newest version; when it returns true, writes the result as a new version.
    /// </summary>
    /// <param name="db">
    /// The caller's context: when it is inside a write transaction (a grant approved or revoked), the change joins it,
    /// commits with the caller's records or not at all, and is seen by this node after the caller commits.
    /// </param>
    /// <param name="accountId">The account whose IAM changes.</param>
    /// <param name="change">Changes the JSON in place; false when there is nothing to change.</param>
    /// <param name="reason">Why, for the version's record.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The version after the change, or null when the copy holds no IAM for the account.</returns>
    /// <exception cref="InvalidDataException">The change leaves a snapshot that cannot be read; nothing is written.</exception>
    public async Task<OrganizationState?> UpdateAccountIamAsync(GovernanceDbContext db, string accountId, Func<JsonObject, bool> change, string reason,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(change);
        var found = true;
        var state = await ChangeAsync((basis, _) =>
        {
            if (basis?.IamFileOf(accountId) is not { } path)
            {
                found = false;
                return Task.FromResult<OrganizationFiles?>(null);
            }
            if (JsonNode.Parse(basis.Files[path]!.Value.Span) is not JsonObject root || !change(root))
            {
                return Task.FromResult<OrganizationFiles?>(null);
            }
            var updated = Encoding.UTF8.GetBytes(root.ToJsonString(Indented) + "\n");
            return Task.FromResult<OrganizationFiles?>(basis.Files.With(path, updated));
        }, reason, cancellationToken, db).ConfigureAwait(false);
        return found ? state : null;
    }

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();

    /// <summary>The SHA-256 of <paramref name="content"/>, lowercase hex: a document's key.</summary>
    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// Inside the write lock: reads the newest version, asks <paramref name="change"/> for the files of the next one
    /// (null: no change), and writes them when they differ.
    /// </summary>
    private async Task<OrganizationState> ChangeAsync(Func<OrganizationState?, CancellationToken, Task<OrganizationFiles?>> change, string reason,
        CancellationToken cancellationToken, GovernanceDbContext? callers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        reason = reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
        await using var scope = callers is null ? scopes.CreateAsyncScope() : (AsyncServiceScope?)null;
        var db = callers ?? scope!.Value.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        // Inside the caller's write transaction the write lock is held already, and the caller commits.
        var joined = db.Database.CurrentTransaction is not null;
        await using var transaction = joined ? null : await db.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var basis = await NewestAsync(db, cancellationToken).ConfigureAwait(false);
        var files = await change(basis, cancellationToken).ConfigureAwait(false);
        if (files is null)
        {
            return basis ?? throw new InvalidOperationException("the organisation copy is empty and the change wrote nothing");
        }
        var hashes = files.Paths.ToImmutableDictionary(static p => p, p => HashOf(files[p]!.Value.Span), StringComparer.Ordinal);
        if (basis is not null && SameFiles(basis.Hashes, hashes))
        {
            return basis;
        }
        var read = OrganizationSnapshotReader.Read(files, cancellationToken: cancellationToken);
        if (!read.Success)
        {
            throw new InvalidDataException("the organisation copy would not be readable, so it is not written: "
                + string.Join("; ", read.Errors.Take(10)));
        }

        var version = (basis?.Version ?? 0) + 1;
        var createdAt = time.GetUtcNow();
        var wanted = hashes.Values.Distinct(StringComparer.Ordinal).ToArray();
        var stored = await db.OrganizationDocuments.AsNoTracking().Where(d => wanted.Contains(d.Hash)).Select(static d => d.Hash)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var path in files.Paths.Where(p => !stored.Contains(hashes[p])).DistinctBy(p => hashes[p], StringComparer.Ordinal))
        {
            db.OrganizationDocuments.Add(new OrganizationDocument { Hash = hashes[path], Content = Compress(files[path]!.Value.Span) });
        }
        db.OrganizationVersions.Add(new OrganizationVersion
        {
            Version = version,
            CreatedAt = createdAt,
            Reason = reason,
            Manifest = JsonSerializer.Serialize(new SortedDictionary<string, string>(hashes, StringComparer.Ordinal)),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await PruneAsync(db, version, cancellationToken).ConfigureAwait(false);
        var state = new OrganizationState(version, createdAt, reason, files, hashes, read);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            // A joined change is not kept: its caller may still roll back, and then this version number is another's.
            Volatile.Write(ref _current, state);
        }
        return state;
    }

    /// <summary>
    /// The newest version number, compiled once per provider's model (a compiled query serves one model), since every
    /// question runs it (shared, see <see cref="FreshRead{T}"/>).
    /// </summary>
    private static readonly ConcurrentDictionary<Type, Func<GovernanceDbContext, CancellationToken, Task<long?>>> Head = new();

    private static Task<long?> HeadAsync(GovernanceDbContext db, CancellationToken cancellationToken)
        => Head.GetOrAdd(db.GetType(), static _ => EF.CompileAsyncQuery(
            (GovernanceDbContext context, CancellationToken _) => context.Set<OrganizationVersion>().Max(static v => (long?)v.Version)))(db, cancellationToken);

    private async Task<OrganizationState?> NewestAsync(GovernanceDbContext db, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(db, cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return null;
        }
        var held = Volatile.Read(ref _current);
        return held is not null && held.Version == head ? held : await LoadAsync(db, head.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads version <paramref name="version"/>, fetching only the documents this node does not hold already.</summary>
    private async Task<OrganizationState> LoadAsync(GovernanceDbContext db, long version, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var held = Volatile.Read(ref _current);
            if (held is not null && held.Version == version)
            {
                return held;
            }
            var row = await db.OrganizationVersions.AsNoTracking().SingleAsync(v => v.Version == version, cancellationToken).ConfigureAwait(false);
            var manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Manifest)
                ?? throw new InvalidDataException($"organisation copy version {version}: its manifest is empty");
            var known = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
            if (held is not null)
            {
                foreach (var (path, hash) in held.Hashes)
                {
                    known[hash] = held.Files[path]!.Value;
                }
            }
            var missing = manifest.Values.Where(h => !known.ContainsKey(h)).Distinct(StringComparer.Ordinal).ToArray();
            var documents = await db.OrganizationDocuments.AsNoTracking().Where(d => missing.Contains(d.Hash))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var document in documents)
            {
                var content = Decompress(document.Content);
                if (HashOf(content) != document.Hash)
                {
                    throw new InvalidDataException($"organisation copy version {version}: document {document.Hash} does not match its hash; it was changed in the database");
                }
                known[document.Hash] = content;
            }
            var files = OrganizationFiles.Empty;
            foreach (var (path, hash) in manifest.OrderBy(static m => m.Key, StringComparer.Ordinal))
            {
                if (!known.TryGetValue(hash, out var content))
                {
                    throw new InvalidDataException($"organisation copy version {version}: the document of `{path}` ({hash}) is missing from the database");
                }
                files = files.With(path, content.Span);
            }
            var read = OrganizationSnapshotReader.Read(files, cancellationToken: cancellationToken);
            if (!read.Success)
            {
                throw new InvalidDataException($"organisation copy version {version} cannot be read: " + string.Join("; ", read.Errors.Take(10)));
            }
            var state = new OrganizationState(version, row.CreatedAt, row.Reason, files,
                manifest.ToImmutableDictionary(StringComparer.Ordinal), read);
            Volatile.Write(ref _current, state);
            return state;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>
    /// Drops versions older than the kept ones, and the documents no kept version holds. Runs inside the writer's
    /// transaction, under the write lock, so no other writer can be relying on a document it drops.
    /// </summary>
    private static async Task PruneAsync(GovernanceDbContext db, long version, CancellationToken cancellationToken)
    {
        var oldest = version - KeptVersions;
        if (oldest <= 0 || version % 10 != 0)
        {
            return;
        }
        await db.OrganizationVersions.Where(v => v.Version <= oldest).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var manifests = await db.OrganizationVersions.AsNoTracking().Select(static v => v.Manifest).ToListAsync(cancellationToken).ConfigureAwait(false);
        var kept = manifests.SelectMany(static m => JsonSerializer.Deserialize<Dictionary<string, string>>(m)!.Values).ToHashSet(StringComparer.Ordinal);
        var all = await db.OrganizationDocuments.AsNoTracking().Select(static d => d.Hash).ToListAsync(cancellationToken).ConfigureAwait(false);
        var dropped = all.Where(h => !kept.Contains(h)).ToArray();
        if (dropped.Length > 0)
        {
            await db.OrganizationDocuments.Where(d => dropped.Contains(d.Hash)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool SameFiles(ImmutableDictionary<string, string> a, ImmutableDictionary<string, string> b)
        => a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var hash) && hash == e.Value);

    private static byte[] Compress(ReadOnlySpan<byte> content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return output.ToArray();
    }

    private static byte[] Decompress(byte[] content)
    {
        using var input = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
