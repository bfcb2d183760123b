using System.Globalization;

namespace Governance.Cli.Simulation;

/// <summary>What <c>iamgov bench</c> measured.</summary>
internal sealed record BenchResult(int Cases, double DecisionsPerSecond, double P50Micros, double P99Micros)
{
    public string ToJson() => string.Create(CultureInfo.InvariantCulture,
        $"{{\"cases\":{Cases},\"decisions_per_sec\":{DecisionsPerSecond:0},\"p50_us\":{P50Micros:0.###},\"p99_us\":{P99Micros:0.###}}}");
}
