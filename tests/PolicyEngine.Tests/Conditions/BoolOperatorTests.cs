using PolicyEngine.Evaluation.Conditions;
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

    // Compares "a key to "true" or "false"" and "You can use a policy variable with the Boolean condition operator".
    // The page does not say whether case matters; values compare without case (see TryParse).
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", true)]
    [InlineData("True", true)]
    [InlineData("FALSE", true)]
    [InlineData("${aws:PrincipalTag/mfa}", true)]
    [InlineData("t${aws:PrincipalTag/rest}", true)]
    [InlineData("${aws:PrincipalTag/head}e", true)]
    [InlineData("2026-01-31 10:00:00", false)]
    [InlineData("1e3", false)]
    [InlineData("yes", false)]
    [InlineData("1", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData(" true", false)]
    [InlineData("true ", false)]
    [InlineData("truee", false)]
    [InlineData("tru", false)]
    [InlineData("yes${aws:PrincipalTag/x}", false)]
    [InlineData("${aws:PrincipalTag/x}x", false)]
    [InlineData("${aws:PrincipalTag/x", false)]
    public void TryParse_DocumentedForms_ReadsTrueFalseOrVariables(string text, bool expected)
    {
        // Arrange / Act
        var read = BoolOperator.TryParse(text, policyVariables: true, out _);

        // Assert
        Assert.Equal(expected, read);
    }

    [Fact]
    public void TryParse_VariableUnderVersion2008_IsLiteralTextNoBoolean()
    {
        // Arrange / Act / Assert: without Version 2012-10-17, ${...} is not substituted.
        Assert.False(BoolOperator.TryParse("${aws:PrincipalTag/mfa}", policyVariables: false, out _));
    }

    [Theory]
    [InlineData("true", "true", true)]
    [InlineData("TRUE", "false", false)]
    [InlineData("false", "False", true)]
    [InlineData("false", "maybe", false)]
    public void Evaluate_PolicyVariable_SubstitutedPerRequest(string request, string tag, bool expected)
    {
        // Arrange
        var condition = Compile("Bool", "aws:SecureTransport", "${aws:PrincipalTag/secure}");
        var context = Context(("aws:SecureTransport", request), ("aws:PrincipalTag/secure", tag));

        // Act
        var outcome = condition.Evaluate(context);

        // Assert
        Assert.False(condition.NeverMatches);
        Assert.Equal(expected, outcome.Matched);
    }

    [Fact]
    public void Evaluate_PolicyVariableUnresolved_DoesNotMatchAndNamesVariable()
    {
        // Arrange
        var condition = Compile("Bool", "aws:SecureTransport", "${aws:PrincipalTag/secure}");

        // Act
        var outcome = condition.Evaluate(Context(("aws:SecureTransport", "true")));

        // Assert
        Assert.False(outcome.Matched);
        Assert.Equal("aws:PrincipalTag/secure", outcome.MissingVariableKey);
    }

    [Fact]
    public void Compile_PolicyValueNotBoolean_NeverMatches()
    {
        // Arrange / Act / Assert
        Assert.True(Compile("Bool", "aws:SecureTransport", "yes").NeverMatches);
    }
}
