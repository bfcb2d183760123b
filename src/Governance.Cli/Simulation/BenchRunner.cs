using System.Diagnostics;
using PolicyEngine.Evaluation;

namespace Governance.Cli.Simulation;

/// <summary>Measures decisions per second and per-decision latency over compiled cases, on the calling thread.</summary>
/// <remarks>
/// After a warm-up sweep, every case in turn is decided <see cref="Batch"/> times in a row and the batch is timed: the
/// clock is read once per batch, so its cost (tens of nanoseconds) does not dominate a decision of a few hundred, and
/// each batch gives one per-decision sample. Throughput is every decision of the measured phase over its wall time,
/// clock reads included. A decision whose policy set has just been evicted from the CPU caches costs several
/// microseconds more; the batches amortise that the way an audit that asks many questions per principal does.
/// </remarks>
internal static class BenchRunner
{
    internal const int Batch = 8;

    public static BenchResult Run(IReadOnlyList<(CompiledPolicySet Set, AuthorizationRequest Request)> cases, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfZero(cases.Count);
        WarmUp(cases, TimeSpan.FromMilliseconds(Math.Min(1000, duration.TotalMilliseconds / 4)));
        var samples = new List<double>(1 << 20);
        var sink = 0;
        var ticksToMicros = 1_000_000.0 / Stopwatch.Frequency / Batch;
        var start = Stopwatch.GetTimestamp();
        var stop = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long end;
        do
        {
            for (var i = 0; i < cases.Count; i++)
            {
                var (set, request) = cases[i];
                var before = Stopwatch.GetTimestamp();
                for (var n = 0; n < Batch; n++)
                {
                    sink += (int)set.Decide(request);
                }
                samples.Add((Stopwatch.GetTimestamp() - before) * ticksToMicros);
            }
            end = Stopwatch.GetTimestamp();
        }
        while (end < stop);
        GC.KeepAlive(sink);
        var elapsed = Stopwatch.GetElapsedTime(start, end);
        samples.Sort();
        return new BenchResult(cases.Count, samples.Count * (double)Batch / elapsed.TotalSeconds,
            Percentile(samples, 0.50), Percentile(samples, 0.99));
    }

    private static void WarmUp(IReadOnlyList<(CompiledPolicySet Set, AuthorizationRequest Request)> cases, TimeSpan duration)
    {
        var sink = 0;
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        do
        {
            for (var i = 0; i < cases.Count; i++)
            {
                sink += (int)cases[i].Set.Decide(cases[i].Request);
            }
        }
        while (Stopwatch.GetTimestamp() < stop);
        GC.KeepAlive(sink);
    }

    private static double Percentile(List<double> sorted, double p)
        => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
