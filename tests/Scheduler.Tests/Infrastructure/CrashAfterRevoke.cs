namespace Scheduler.Tests.Infrastructure;

/// <summary>
/// The switch the test flips: while <see cref="Crash"/> is set, revocations die after removing the policy; with
/// <see cref="CrashAtRevocation"/>, the revocation of that number (from 1) dies, mid-run, after the earlier ones succeeded.
/// </summary>
internal sealed class CrashAfterRevoke
{
    private int _revocations;

    public bool Crash { get; set; }

    public int? CrashAtRevocation { get; set; }

    /// <summary>Counts a revocation that removed its policy; true when it must die.</summary>
    public bool Dies() => Crash || Interlocked.Increment(ref _revocations) == CrashAtRevocation;
}
