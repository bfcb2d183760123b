using System.Text.Json;
using TestSupport.Paths;
using static Governance.Cli.Tests.Simulation.SimulationCases;
using static TestSupport.Cli.CliRunner;

namespace Governance.Cli.Tests.Simulation;

public sealed class SimulateCommandTests
{
    [Fact]
    public void Simulate_Cases_WritesOneJsonLinePerCaseInOrder()
    {
        // Arrange
        var file = TempFile(AllowCase + "\n" + WrongExpectationCase + "\n");

        // Act
        var (exit, output, _) = Run("simulate", "--cases", file);

        // Assert
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["""{"id":"allow-1","decision":"Allow"}""", """{"id":"wrong-1","decision":"ImplicitDeny"}"""], lines);
    }

    [Fact]
    public void Simulate_CheckWithMismatch_ReportsItAndExitsOne()
    {
        var file = TempFile(AllowCase + "\n" + WrongExpectationCase + "\n");

        var (exit, output, error) = Run("simulate", "--cases", file, "--check");

        Assert.Equal(1, exit);
        Assert.EndsWith("1 passed, 1 failed\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("mismatch `wrong-1`: expected Allow, got ImplicitDeny", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_MalformedLine_ReportsLineNumberAndGoesOn()
    {
        var file = TempFile("{not json\n" + AllowCase + "\n");

        var (exit, output, error) = Run("simulate", "--cases", file, "--check");

        Assert.Equal(1, exit);
        Assert.Contains($"{Path.GetFileName(file)}:1:", error, StringComparison.Ordinal);
        Assert.Contains("\"allow-1\"", output, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 1 failed\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_Explain_AddsDecidingStatements()
    {
        var file = TempFile(AllowCase + "\n");

        var (_, output, _) = Run("simulate", "--cases", file, "--explain");

        using var line = JsonDocument.Parse(output.Trim());
        var explanation = line.RootElement.GetProperty("explanation");
        Assert.Equal("AllowedByIdentity", explanation.GetProperty("reason").GetString());
        Assert.Equal("p", explanation.GetProperty("decidingStatements")[0].GetProperty("policy").GetString());
    }

    [Fact]
    public void Simulate_SharedEdgeCases_AllPass()
    {
        // The conformance corpus of tests/data; `iamgov simulate --check` must agree with it, as `dotnet test` does.
        var corpus = TestData.Path("conformance");
        foreach (var file in Directory.EnumerateFiles(corpus, "*.jsonl"))
        {
            var (exit, output, error) = Run("simulate", "--cases", file, "--check");
            Assert.True(exit == 0, $"{Path.GetFileName(file)}: {error}");
            Assert.Matches(@"\d+ passed, 0 failed\s*$", output);
        }
    }
}
