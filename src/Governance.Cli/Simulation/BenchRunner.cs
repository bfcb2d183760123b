using System.Diagnostics;
using PolicyEngine.Evaluation;

namespace Governance.Cli.Simulation;

/// <summary>Measures decisions per second and per-decision latency over compiled cases, on the calling thread.</summary>
/// <remarks>
/// Throughput: round-robin over every case, timing whole sweeps. Latency: each case timed over a small batch of
/// repeated decisions, so that the cost of reading the clock (tens of nanoseconds) does not dominate a decision of a few
/// hundred; each batch gives one per-decision sample.
/// </remarks>
internal static class BenchRunner
{
    internal const int Batch = 8;

    public static BenchResult Run(IReadOnlyList<(CompiledPolicySet Set, AuthorizationRequest Request)> cases, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfZero(cases.Count);
        Sweep(cases, TimeSpan.FromMilliseconds(Math.Min(1000, duration.TotalMilliseconds / 4)));   // warm-up: JIT tiers, caches
        var (decisions, elapsed) = Sweep(cases, duration / 2);
        var samples = Latencies(cases, duration / 2);
        samples.Sort();
        return new BenchResult(cases.Count, decisions / elapsed.TotalSeconds, Percentile(samples, 0.50), Percentile(samples, 0.99));
    }

    private static (long Decisions, TimeSpan Elapsed) Sweep(IReadOnlyList<(CompiledPolicySet Set, AuthorizationRequest Request)> cases,
        TimeSpan duration)
    {
        var sink = 0;
        long decisions = 0;
        var start = Stopwatch.GetTimestamp();
        var stop = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long now;
        do
        {
            for (var i = 0; i < cases.Count; i++)
            {
                sink += (int)cases[i].Set.Decide(cases[i].Request);
            }
            decisions += cases.Count;
            now = Stopwatch.GetTimestamp();
        }
        while (now < stop);
        GC.KeepAlive(sink);
        return (decisions, Stopwatch.GetElapsedTime(start, now));
    }

    private static List<double> Latencies(IReadOnlyList<(CompiledPolicySet Set, AuthorizationRequest Request)> cases, TimeSpan duration)
    {
        var samples = new List<double>(1 << 20);
        var sink = 0;
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var ticksToMicros = 1_000_000.0 / Stopwatch.Frequency / Batch;
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
        }
        while (Stopwatch.GetTimestamp() < stop);
        GC.KeepAlive(sink);
        return samples;
    }

    private static double Percentile(List<double> sorted, double p)
        => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
