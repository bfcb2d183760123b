using PolicyEngine.Evaluation;

namespace PolicyEngine.Tests.Conformance;

/// <summary>The shared corpus: one row per case, shown under its id. Adding a case means adding a line of data.</summary>
public sealed class ConformanceTests
{
    public static TheoryData<string> CaseIds => ConformanceCaseSource.Ids();

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Evaluate_ConformanceCase_MatchesExpectedDecision(string id)
    {
        // Arrange
        var parsed = ConformanceCaseSource.Get(id);
        Assert.True(parsed.Success, parsed.Error);
        var testCase = parsed.Case!;
        var compiled = PolicyCompiler.Compile(testCase.Policies);

        // Act
        var fast = compiled.Decide(testCase.Request);
        var full = compiled.Evaluate(testCase.Request);

        // Assert
        Assert.Empty(compiled.Errors);
        Assert.Equal(testCase.Expected, fast);
        Assert.True(full.Decision == fast, "the explaining path must reach the fast path's decision");
    }
}
