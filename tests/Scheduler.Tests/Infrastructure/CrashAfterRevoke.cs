namespace Scheduler.Tests.Infrastructure;

/// <summary>The switch the test flips: while <see cref="Crash"/> is set, revocations die after removing the policy.</summary>
internal sealed class CrashAfterRevoke
{
    public bool Crash { get; set; }
}
