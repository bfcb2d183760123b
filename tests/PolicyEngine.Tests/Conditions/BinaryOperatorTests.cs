using static PolicyEngine.Tests.Conditions.ConditionTestKit;

namespace PolicyEngine.Tests.Conditions;

// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
public sealed class BinaryOperatorTests
{
    [Theory]
    [InlineData("QmluYXJ5VmFsdWVJbkJhc2U2NA==", true)]
    [InlineData("qmluYXJ5VmFsdWVJbkJhc2U2NA==", false)]
    [InlineData("QUJD", false)]
    public void Evaluate_Base64_ComparesExactly(string request, bool expected)
    {
        // Arrange / Act / Assert
        Assert.Equal(expected, Matches("BinaryEquals", "aws:PrincipalTag/blob", request, "QmluYXJ5VmFsdWVJbkJhc2U2NA=="));
    }

    [Fact]
    public void Evaluate_KeyAbsentOrPolicyInvalid_DoesNotMatch()
    {
        // Arrange / Act / Assert
        Assert.False(Matches("BinaryEquals", "k", null, "QUJD"));
        Assert.True(Matches("BinaryEqualsIfExists", "k", null, "QUJD"));
        Assert.True(Compile("BinaryEquals", "k", "not base64!").NeverMatches);
    }
}
