using Governance.Core.AuditTrail.Checkpoints;
using TestSupport.Files;

namespace Governance.Core.Tests.AuditTrail.Checkpoints;

public sealed class AuditCheckpointFolderTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();
    private readonly EphemeralSigner _signer = new();

    public void Dispose()
    {
        _signer.Dispose();
        _folder.Dispose();
    }

    private AuditCheckpointFolder Store => new(Path.Combine(_folder.Path, "audit-checkpoints"));

    private Task<AuditCheckpoint> CheckpointAsync(long from, int count, string? previous = null)
        => AuditCheckpoint.SignAsync(_signer, from, [.. Enumerable.Repeat(new string('a', 64), count)], previous, DateTimeOffset.UnixEpoch, CancellationToken.None);

    [Fact]
    public async Task TryAdd_NewRange_WritesAnOwnerOnlyFileThatReadsBack()
    {
        // Arrange
        var checkpoint = await CheckpointAsync(1, 100);

        // Act
        var added = await Store.TryAddAsync(checkpoint, CancellationToken.None);
        var latest = await Store.LatestAsync(CancellationToken.None);

        // Assert
        Assert.True(added);
        Assert.Equal(checkpoint.Signature, latest!.Signature);
        var file = Assert.Single(Directory.GetFiles(Store.Path));
        Assert.Equal("00000000000000000001-00000000000000000100.json", Path.GetFileName(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task TryAdd_RangeAlreadyStored_KeepsTheFirst()
    {
        // Arrange
        var first = await CheckpointAsync(1, 10);
        var second = await CheckpointAsync(1, 10, previous: "other");
        await Store.TryAddAsync(first, CancellationToken.None);

        // Act
        var added = await Store.TryAddAsync(second, CancellationToken.None);

        // Assert
        Assert.False(added);
        Assert.Equal(first.Signature, (await Store.LatestAsync(CancellationToken.None))!.Signature);
    }

    [Fact]
    public async Task ReadAll_ManyRanges_InSequenceOrderNotNameLengthOrder()
    {
        // Arrange
        foreach (var (from, count) in new[] { (100, 900), (1, 9), (10, 90), (1000, 1) })
        {
            await Store.TryAddAsync(await CheckpointAsync(from, count), CancellationToken.None);
        }
        await File.WriteAllTextAsync(Path.Combine(Store.Path, ".leftover.tmp"), "{}");

        // Act
        var read = await Store.ReadAllAsync(CancellationToken.None).ToListAsync();

        // Assert
        Assert.Equal([1L, 10, 100, 1000], read.Select(static s => s.From));
        Assert.All(read, static s => Assert.NotNull(s.Checkpoint));
    }

    [Fact]
    public async Task ReadAll_FileRenamedToAnotherRange_IsUnreadable()
    {
        // Arrange
        await Store.TryAddAsync(await CheckpointAsync(1, 10), CancellationToken.None);
        File.Move(Path.Combine(Store.Path, AuditCheckpointFolder.FileName(1, 10)), Path.Combine(Store.Path, AuditCheckpointFolder.FileName(1, 20)));

        // Act
        var read = Assert.Single(await Store.ReadAllAsync(CancellationToken.None).ToListAsync());

        // Assert
        Assert.Null(read.Checkpoint);
        Assert.Contains("name says events 1–20", read.Error, StringComparison.Ordinal);
    }
}
