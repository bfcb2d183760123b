using System.Globalization;
using CsCheck;
using PolicyEngine.Evaluation.Conditions;

namespace PolicyEngine.Tests.Conditions;

public sealed class NumericValueTests
{
    private static NumericValue Read(string text)
        => NumericOperators.TryParse(text, out var value) ? value : throw new ArgumentException($"not a number: {text}", nameof(text));

    [Theory]
    [InlineData("1", "2", -1)]
    [InlineData("10", "9", 1)]
    [InlineData("-10", "-9", -1)]
    [InlineData("-1", "1", -1)]
    [InlineData("0", "-0", 0)]
    [InlineData("0.1", "0.10", 0)]
    [InlineData("0.1", "0.09", 1)]
    [InlineData("1.5", "1.49999999999999999999999999999999", 1)]
    [InlineData("007.50", "7.5", 0)]
    [InlineData("-0.5", "-0.25", -1)]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567891", -1)]
    public void CompareTo_Numbers_OrdersByValue(string left, string right, int expected)
    {
        // Arrange / Act
        var order = Read(left).CompareTo(Read(right));

        // Assert
        Assert.Equal(expected, order);
        Assert.Equal(expected == 0, Read(left) == Read(right));
        Assert.True(expected != 0 || Read(left).GetHashCode() == Read(right).GetHashCode());
    }

    [Fact]
    public void CompareTo_AnyDecimals_AgreesWithDecimalArithmetic()
    {
        Gen.Select(Gen.Decimal, Gen.Decimal).Sample((a, b) =>
        {
            var left = Read(a.ToString(CultureInfo.InvariantCulture));
            var right = Read(b.ToString(CultureInfo.InvariantCulture));
            return Math.Sign(left.CompareTo(right)) == a.CompareTo(b) && (left == right) == (a == b);
        });
    }

    [Theory]
    [InlineData("007.50", "7.5")]
    [InlineData("-0.0", "0")]
    [InlineData(".5", "0.5")]
    [InlineData("+12.", "12")]
    public void ToString_Number_IsItsNormalForm(string text, string expected)
    {
        // Arrange / Act / Assert
        Assert.Equal(expected, Read(text).ToString());
    }
}
