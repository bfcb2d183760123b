using Governance.Core.OrganizationCopy;

namespace Governance.Core.Tests.OrganizationCopy;

public sealed class FreshReadTests
{
    [Fact]
    public async Task GetAsync_ManyCallersRacing_NoneGetsAReadThatStartedBeforeItAsked()
    {
        // Arrange: each read returns the number of reads started so far, counted when it starts
        var started = 0L;
        var fresh = new FreshRead<long>(async () =>
        {
            var number = Interlocked.Increment(ref started);
            await Task.Delay(Random.Shared.Next(0, 3));
            return number;
        });

        // Act: callers note how many reads had started when they asked
        var results = await Task.WhenAll(Enumerable.Range(0, 2000).Select(async i =>
        {
            await Task.Delay(i % 7);
            var startedWhenAsked = Interlocked.Read(ref started);
            var got = await fresh.GetAsync(CancellationToken.None);
            return (startedWhenAsked, got);
        }));

        // Assert: the read a caller got started after it asked, and far fewer reads ran than callers asked
        Assert.All(results, static r => Assert.True(r.got > r.startedWhenAsked, $"asked when {r.startedWhenAsked} reads had started, got read {r.got}"));
        Assert.True(started < 2000, $"{started} reads for 2000 callers: callers asking at once must share");
    }

    [Fact]
    public async Task GetAsync_CallersWhileAReadRuns_AllShareTheOneAfterIt()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        var fresh = new FreshRead<int>(async () =>
        {
            var number = Interlocked.Increment(ref reads);
            if (number == 1)
            {
                await gate.Task;
            }
            return number;
        });

        var first = fresh.GetAsync(CancellationToken.None);
        var waiting = Enumerable.Range(0, 50).Select(_ => fresh.GetAsync(CancellationToken.None)).ToArray();
        gate.SetResult();

        Assert.Equal(1, await first);
        Assert.All(await Task.WhenAll(waiting), static n => Assert.Equal(2, n));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task GetAsync_ReadFails_ItsCallersSeeTheErrorAndTheNextCallerGetsANewRead()
    {
        var calls = 0;
        var fresh = new FreshRead<int>(() => Interlocked.Increment(ref calls) == 1
            ? Task.FromException<int>(new InvalidOperationException("database gone"))
            : Task.FromResult(calls));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fresh.GetAsync(CancellationToken.None));
        var next = await fresh.GetAsync(CancellationToken.None);

        Assert.Equal("database gone", error.Message);
        Assert.Equal(2, next);
    }

    [Fact]
    public async Task GetAsync_OneCallerCancels_OthersStillGetTheRead()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fresh = new FreshRead<int>(() => gate.Task);
        using var cancel = new CancellationTokenSource();

        var cancelled = fresh.GetAsync(cancel.Token);
        var other = fresh.GetAsync(CancellationToken.None);
        await cancel.CancelAsync();
        gate.SetResult(7);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(7, await other);
    }
}
