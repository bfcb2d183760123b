using PolicyEngine.Evaluation.Conditions;
using static PolicyEngine.Tests.Conditions.ConditionTestKit;

namespace PolicyEngine.Tests.Conditions;

// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
// (dates in the W3C ISO 8601 profile, https://www.w3.org/TR/NOTE-datetime, or epoch seconds)
public sealed class DateOperatorsTests
{
    [Theory]
    [InlineData("DateLessThan", "2024-06-30T12:00:00Z", "2025-01-01T00:00:00Z", true)]
    [InlineData("DateLessThan", "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z", false)]
    [InlineData("DateLessThanEquals", "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z", true)]
    [InlineData("DateGreaterThan", "2024-01-01T00:00:00Z", "1700000000", true)]
    [InlineData("DateGreaterThan", "1700000000", "2024-01-01T00:00:00Z", false)]
    [InlineData("DateGreaterThanEquals", "1700000000", "2023-11-14T22:13:20Z", true)]
    [InlineData("DateEquals", "2023-11-14T22:13:20Z", "1700000000", true)]
    [InlineData("DateEquals", "2023-11-15T00:13:20+02:00", "2023-11-14T22:13:20Z", true)]
    [InlineData("DateEquals", "2023-11-14T22:13:20.000Z", "2023-11-14T22:13:20Z", true)]
    [InlineData("DateEquals", "2023-11-14T22:13:20.5Z", "2023-11-14T22:13:20Z", false)]
    [InlineData("DateNotEquals", "2023-11-14T22:13:20.5Z", "2023-11-14T22:13:20Z", true)]
    [InlineData("DateEquals", "2024-03-01", "2024-03-01T00:00:00Z", true)]
    [InlineData("DateLessThan", "2024-02-29T23:59:59-0100", "2024-03-01", false)]
    public void Evaluate_Instants_CompareAcrossForms(string op, string request, string policy, bool expected)
    {
        // Arrange / Act / Assert
        Assert.Equal(expected, Matches(op, "aws:CurrentTime", request, policy));
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("2023-02-29")]
    [InlineData("2024-01-01T25:00:00Z")]
    [InlineData("2024-01-01 00:00:00")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("2024-01-01T00:00:00+5")]
    public void TryParse_NotADate_ReturnsFalse(string text)
    {
        // Arrange / Act / Assert
        Assert.False(DateOperators.TryParse(text, out _));
    }

    [Fact]
    public void Evaluate_RequestNotADate_NeitherOperatorNorNegationHolds()
    {
        // Arrange / Act / Assert
        Assert.False(Matches("DateLessThan", "aws:CurrentTime", "soon", "2025-01-01"));
        Assert.False(Matches("DateNotEquals", "aws:CurrentTime", "soon", "2025-01-01"));
    }

    [Fact]
    public void Evaluate_KeyAbsentOrPolicyInvalid_AsDocumented()
    {
        // Arrange / Act / Assert
        Assert.False(Matches("DateLessThan", "aws:CurrentTime", null, "2025-01-01"));
        Assert.True(Matches("DateNotEquals", "aws:CurrentTime", null, "2025-01-01"));
        Assert.True(Matches("DateLessThanIfExists", "aws:CurrentTime", null, "2025-01-01"));
        Assert.True(Compile("DateLessThan", "aws:CurrentTime", "not-a-date").NeverMatches);
    }
}
