using PolicyEngine.Evaluation;
using PolicyEngine.Evaluation.Conditions;
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

    // "use either true (the key doesn't exist — it is null) or false (the key exists and its value is not null)";
    // "You can not use a policy variable with the Null condition operator". Case is ignored as for Bool.
    [Theory]
    [InlineData("true", true, true)]
    [InlineData("false", true, false)]
    [InlineData("TRUE", true, true)]
    [InlineData("False", true, false)]
    [InlineData("2026-01-31 10:00:00", false, false)]
    [InlineData("1e3", false, false)]
    [InlineData("yes", false, false)]
    [InlineData("null", false, false)]
    [InlineData("", false, false)]
    [InlineData(" true", false, false)]
    [InlineData("${aws:PrincipalTag/x}", false, false)]
    public void TryParse_DocumentedForms_ReadsTrueOrFalseOnly(string text, bool expected, bool expectedIsNull)
    {
        // Arrange / Act
        var read = NullOperator.TryParse(text, out var isNull);

        // Assert
        Assert.Equal(expected, read);
        Assert.Equal(expectedIsNull, read && isNull);
    }

    [Fact]
    public void Compile_ValueNotBoolean_NeverMatches()
    {
        // Arrange / Act / Assert
        Assert.True(Compile("Null", "k", "maybe").NeverMatches);
    }
}
