using CsCheck;
using PolicyEngine.Evaluation.Conditions;
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

    // "an integer or decimal value"; "You can not use a policy variable with the Numeric condition operator".
    [Theory]
    [InlineData("10", true)]
    [InlineData("0", true)]
    [InlineData("-2", true)]
    [InlineData("10.5", true)]
    [InlineData("-0.25", true)]
    [InlineData("3600", true)]
    [InlineData("1e3", false)]
    [InlineData("1E3", false)]
    [InlineData("2026-01-31 10:00:00", false)]
    [InlineData("ten", false)]
    [InlineData("", false)]
    [InlineData(" 10", false)]
    [InlineData("10 ", false)]
    [InlineData("1 000", false)]
    [InlineData("1,000", false)]
    [InlineData("1.2.3", false)]
    [InlineData("0x10", false)]
    [InlineData("NaN", false)]
    [InlineData("Infinity", false)]
    [InlineData("10\0", false)]
    [InlineData("\u0661\u0662", false)]
    [InlineData("\uFF11\uFF12", false)]
    [InlineData("${aws:MultiFactorAuthAge}", false)]
    [InlineData("-", false)]
    [InlineData(".", false)]
    [InlineData("--1", false)]
    public void TryParse_DocumentedForms_ReadsIntegersAndDecimalsOnly(string text, bool expected)
    {
        // Arrange / Act
        var read = NumericOperators.TryParse(text, out _);

        // Assert
        Assert.Equal(expected, read);
    }

    // The page is silent on signs, leading zeros and a bare point: read as ordinary decimal notation (see TryParse).
    [Theory]
    [InlineData("+5", "5")]
    [InlineData("007", "7")]
    [InlineData("5.", "5")]
    [InlineData(".5", "0.5")]
    [InlineData("-0", "0")]
    [InlineData("10.50", "10.5")]
    public void TryParse_UndocumentedDecimalNotation_ReadsAsDecimal(string text, string same)
    {
        // Arrange / Act
        var read = NumericOperators.TryParse(text, out var value);
        Assert.True(NumericOperators.TryParse(same, out var expected));

        // Assert
        Assert.True(read);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("NumericEquals", "100000000000000000000000000000001", "100000000000000000000000000000000", false)]
    [InlineData("NumericGreaterThan", "100000000000000000000000000000001", "100000000000000000000000000000000", true)]
    [InlineData("NumericEquals", "0.000000000000000000000000000001", "0", false)]
    [InlineData("NumericLessThan", "-0.000000000000000000000000000001", "0", true)]
    public void Evaluate_BeyondDecimalPrecision_ComparesExactly(string op, string request, string policy, bool expected)
    {
        // Arrange / Act / Assert
        Assert.Equal(expected, Matches(op, "k", request, policy));
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
