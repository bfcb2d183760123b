using static PolicyEngine.Tests.Conditions.ConditionTestKit;

namespace PolicyEngine.Tests.Conditions;

// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
// and https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
public sealed class BoolOperatorTests
{
    [Theory]
    [InlineData("true", "true", true)]
    [InlineData("TRUE", "true", true)]
    [InlineData("false", "False", true)]
    [InlineData("false", "true", false)]
    [InlineData("yes", "true", false)]
    [InlineData("1", "true", false)]
    public void Evaluate_Values_CompareWithoutCase(string request, string policy, bool expected)
    {
        // Arrange / Act / Assert
        Assert.Equal(expected, Matches("Bool", "aws:SecureTransport", request, policy));
    }

    [Fact]
    public void Evaluate_KeyAbsent_BoolFalseBoolIfExistsTrue()
    {
        // Arrange / Act / Assert: a Deny on MultiFactorAuthPresent=false skips long-term keys unless IfExists.
        Assert.False(Matches("Bool", "aws:MultiFactorAuthPresent", null, "false"));
        Assert.True(Matches("BoolIfExists", "aws:MultiFactorAuthPresent", null, "false"));
        Assert.False(Matches("BoolIfExists", "aws:MultiFactorAuthPresent", "true", "false"));
    }

    [Fact]
    public void Compile_PolicyValueNotBoolean_NeverMatches()
    {
        // Arrange / Act / Assert
        Assert.True(Compile("Bool", "aws:SecureTransport", "yes").NeverMatches);
    }
}
