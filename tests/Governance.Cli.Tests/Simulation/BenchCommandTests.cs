using System.Text.Json;
using static Governance.Cli.Tests.Simulation.SimulationCases;
using static TestSupport.Cli.CliRunner;

namespace Governance.Cli.Tests.Simulation;

public sealed class BenchCommandTests
{
    [Fact]
    public void Bench_Cases_PrintsOneJsonLineWithTheFourMeasures()
    {
        // Arrange
        var file = TempFile(AllowCase + "\n" + WrongExpectationCase + "\n");

        // Act
        var (exit, output, error) = Run("bench", "--cases", file, "--seconds", "0.2");

        // Assert
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output.Trim());
        var root = json.RootElement;
        Assert.Equal(["cases", "decisions_per_sec", "p50_us", "p99_us"], root.EnumerateObject().Select(static p => p.Name).ToArray());
        Assert.Equal(2, root.GetProperty("cases").GetInt32());
        Assert.True(root.GetProperty("decisions_per_sec").GetDouble() > 0);
        Assert.True(root.GetProperty("p50_us").GetDouble() <= root.GetProperty("p99_us").GetDouble());
    }
}
