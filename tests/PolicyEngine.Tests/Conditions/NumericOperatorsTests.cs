using CsCheck;
using static PolicyEngine.Tests.Conditions.ConditionTestKit;

namespace PolicyEngine.Tests.Conditions;

// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
public sealed class NumericOperatorsTests
{
    [Theory]
    [InlineData("NumericEquals", "10", "10", true)]
    [InlineData("NumericEquals", "10.0", "10", true)]
    [InlineData("NumericEquals", "11", "10", false)]
    [InlineData("NumericNotEquals", "11", "10", true)]
    [InlineData("NumericNotEquals", "10", "10", false)]
    [InlineData("NumericLessThan", "10", "10.5", true)]
    [InlineData("NumericLessThan", "10", "10", false)]
    [InlineData("NumericLessThanEquals", "10", "10", true)]
    [InlineData("NumericLessThanEquals", "11", "10", false)]
    [InlineData("NumericGreaterThan", "-1", "-2", true)]
    [InlineData("NumericGreaterThan", "5", "5", false)]
    [InlineData("NumericGreaterThanEquals", "5", "5", true)]
    public void Evaluate_Numbers_CompareAsDocumented(string op, string request, string policy, bool expected)
    {
        // Arrange / Act / Assert
        Assert.Equal(expected, Matches(op, "s3:max-keys", request, policy));
    }

    [Theory]
    [InlineData("NumericEquals")]
    [InlineData("NumericNotEquals")]
    [InlineData("NumericLessThan")]
    public void Evaluate_RequestNotANumber_NeitherOperatorNorNegationHolds(string op)
    {
        // Arrange / Act / Assert
        Assert.False(Matches(op, "s3:max-keys", "ten", "10"));
        Assert.False(Matches(op, "s3:max-keys", "1e3", "1000"));
    }

    [Theory]
    [InlineData("NumericEquals")]
    [InlineData("NumericNotEquals")]
    [InlineData("NumericNotEqualsIfExists")]
    public void Compile_PolicyValueNotANumber_NeverMatches(string op)
    {
        // Arrange
        var condition = Compile(op, "s3:max-keys", "ten");

        // Act / Assert
        Assert.True(condition.NeverMatches);
        Assert.False(condition.Evaluate(Context(("s3:max-keys", "3"))).Matched);
        Assert.False(condition.Evaluate(PolicyEngine.Evaluation.RequestContext.Empty).Matched);
    }

    [Fact]
    public void Evaluate_KeyAbsent_NegatedTruePositiveFalse()
    {
        // Arrange / Act / Assert
        Assert.False(Matches("NumericLessThan", "s3:max-keys", null, "10"));
        Assert.True(Matches("NumericNotEquals", "s3:max-keys", null, "10"));
        Assert.True(Matches("NumericLessThanIfExists", "s3:max-keys", null, "10"));
    }

    [Fact]
    public void Evaluate_SeveralPolicyValues_OrTogether()
    {
        // Arrange / Act / Assert
        Assert.True(Matches("NumericEquals", "k", "3", "1", "3"));
        Assert.False(Matches("NumericNotEquals", "k", "3", "1", "3"));
        Assert.True(Matches("NumericNotEquals", "k", "2", "1", "3"));
    }

    [Fact]
    public void Evaluate_AnyIntegers_AgreeWithArithmetic()
    {
        Gen.Select(Gen.Long, Gen.Long).Sample((a, b) =>
        {
            var request = a.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var policy = b.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Matches("NumericLessThan", "k", request, policy) == (a < b)
                && Matches("NumericGreaterThanEquals", "k", request, policy) == (a >= b)
                && Matches("NumericNotEquals", "k", request, policy) == (a != b);
        });
    }
}
