namespace Governance.Core.OrganizationCopy;

/// <summary>
/// Runs a read so that every caller gets a result the read started after the caller asked, while callers asking at
/// the same time share one run: at most one read is running and one waiting to start, however many callers there are.
/// </summary>
/// <remarks>
/// What makes the organisation copy's version check cheap under load without letting any answer be older than its
/// question: a caller that arrives while a read runs cannot use it (it may have read before a change the caller
/// already knows of), so it joins the next one, which starts when the running one ends. A failed read fails its
/// callers only; later callers get a new read. Thread-safe.
/// </remarks>
/// <typeparam name="T">What the read returns.</typeparam>
/// <param name="read">The read; no one caller's cancellation stops it, since others may be waiting on it.</param>
public sealed class FreshRead<T>(Func<Task<T>> read)
{
    private readonly object _gate = new();
    private Task<T>? _running;
    private Task<T>? _next;

    /// <summary>A result read after this call; <paramref name="cancellationToken"/> stops this caller's wait, not the read.</summary>
    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_running is null)
            {
                _running = Launch(after: null);
                return _running.WaitAsync(cancellationToken);
            }
            _next ??= Launch(after: _running);
            return _next.WaitAsync(cancellationToken);
        }
    }

    private Task<T> Launch(Task<T>? after)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = RunAsync(result, after);
        return result.Task;
    }

    private async Task RunAsync(TaskCompletionSource<T> result, Task<T>? after)
    {
        // Never go on inside the caller's lock: a read waiting on one already done would otherwise become the running
        // read and start before GetAsync has stored it as the next one, and later callers would join a read already begun.
        await Task.Yield();
        if (after is not null)
        {
            try
            {
                await after.ConfigureAwait(false);
            }
#pragma warning disable CA1031 // the read this one waits for failed its own callers; this one starts regardless
            catch (Exception)
#pragma warning restore CA1031
            {
            }
            lock (_gate)
            {
                _running = result.Task;
                _next = null;
            }
        }
        try
        {
            result.SetResult(await read().ConfigureAwait(false));
        }
#pragma warning disable CA1031 // every failure goes to the callers waiting on this read
        catch (Exception e)
#pragma warning restore CA1031
        {
            result.SetException(e);
        }
        finally
        {
            lock (_gate)
            {
                // A waiting read becomes the running one itself; only a read with none behind it leaves the slot empty.
                if (ReferenceEquals(_running, result.Task) && _next is null)
                {
                    _running = null;
                }
            }
        }
    }
}
