namespace Governance.Core.Drift;

/// <summary>
/// One drift audit at a time in this process (a singleton): the schedule's run waits for a run asked for by hand, and a
/// second run asked for by hand is refused while one runs rather than adding a report of the same moment.
/// </summary>
/// <remarks>
/// Per process. On a cluster the scheduled runs already run on one node at a time (Quartz's clustered store); a run asked
/// for on another node at the same moment adds a complete report of its own, which is safe (see <c>DriftAuditService</c>).
/// </remarks>
public sealed class DriftAuditGate : IDisposable
{
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>Enters when no run holds the gate; false when one does.</summary>
    public bool TryEnter() => _running.Wait(TimeSpan.Zero);

    /// <summary>Waits until no run holds the gate, then enters.</summary>
    public Task EnterAsync(CancellationToken cancellationToken) => _running.WaitAsync(cancellationToken);

    /// <summary>Leaves the gate, after <see cref="TryEnter"/> returned true or <see cref="EnterAsync"/> ended.</summary>
    public void Exit() => _running.Release();

    /// <inheritdoc />
    public void Dispose() => _running.Dispose();
}
