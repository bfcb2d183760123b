using PolicyEngine.Evaluation;
using static PolicyEngine.Tests.Conditions.ConditionTestKit;

namespace PolicyEngine.Tests.Conditions;

// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
// and https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html
public sealed class NullOperatorTests
{
    [Theory]
    [InlineData(null, "true", true)]
    [InlineData(null, "false", false)]
    [InlineData("2024-01-01T00:00:00Z", "true", false)]
    [InlineData("2024-01-01T00:00:00Z", "false", true)]
    [InlineData("x", "FALSE", true)]
    public void Evaluate_Presence_DecidesNull(string? request, string policy, bool expected)
    {
        // Arrange / Act / Assert
        Assert.Equal(expected, Matches("Null", "aws:TokenIssueTime", request, policy));
    }

    [Fact]
    public void Evaluate_KeyWithEmptyList_CountsAsNull()
    {
        // Arrange
        var empty = MultiContext("aws:TagKeys");

        // Act / Assert
        Assert.True(Compile("Null", "aws:TagKeys", "true").Evaluate(empty).Matched);
        Assert.False(Compile("Null", "aws:TagKeys", "false").Evaluate(empty).Matched, "Null=false guards ForAllValues against empty values");
        Assert.True(Compile("Null", "aws:TagKeys", "false").Evaluate(MultiContext("aws:TagKeys", "a", "b")).Matched);
    }

    [Fact]
    public void Evaluate_KeyAbsent_ReportsKeyMissing()
    {
        // Arrange / Act
        var outcome = Compile("Null", "aws:TokenIssueTime", "true").Evaluate(RequestContext.Empty);

        // Assert
        Assert.True(outcome.Matched);
        Assert.True(outcome.KeyMissing);
    }

    [Fact]
    public void Compile_ValueNotBoolean_NeverMatches()
    {
        // Arrange / Act / Assert
        Assert.True(Compile("Null", "k", "maybe").NeverMatches);
    }
}
