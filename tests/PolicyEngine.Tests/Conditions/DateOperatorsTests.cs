using CsCheck;
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
    [InlineData("DateLessThan", "2024-02-29T23:59:59-01:00", "2024-03-01", false)]
    [InlineData("DateGreaterThan", "2024-02-29T23:59:59-01:00", "2024-03-01", true)]
    public void Evaluate_Instants_CompareAcrossForms(string op, string request, string policy, bool expected)
    {
        // Arrange / Act / Assert
        Assert.Equal(expected, Matches(op, "aws:CurrentTime", request, policy));
    }

    // "W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time"; the W3C note lists YYYY-MM,
    // YYYY-MM-DD and YYYY-MM-DDThh:mm[:ss[.s]]TZD with TZD = Z | +hh:mm | -hh:mm; no policy variables.
    [Theory]
    [InlineData("2026-01", true)]
    [InlineData("2026-01-31", true)]
    [InlineData("2026-01-31T10:00Z", true)]
    [InlineData("2026-01-31T10:00:00Z", true)]
    [InlineData("2026-01-31T10:00:00.5Z", true)]
    [InlineData("2026-01-31T10:00:00.123456789Z", true)]
    [InlineData("2026-01-31T10:00:00+01:00", true)]
    [InlineData("2026-01-31T10:00:00-05:30", true)]
    [InlineData("1769853600", true)]
    [InlineData("0", true)]
    [InlineData("2026-01-31 10:00:00", false)]
    [InlineData("1e3", false)]
    [InlineData("2026-01-31T10:00:00", false)]
    [InlineData("2026-01-31T10:00", false)]
    [InlineData("2026-01-31t10:00:00z", false)]
    [InlineData("2026-01-31T10:00:00+0100", false)]
    [InlineData("2026-01-31T10:00:00+01", false)]
    [InlineData("2026-01-31T10:00:00,5Z", false)]
    [InlineData("2026-01-31T10:00:00.Z", false)]
    [InlineData("2026-01-31T10Z", false)]
    [InlineData("2026-01-31T24:00:00Z", false)]
    [InlineData("2026-01-31T10:00:60Z", false)]
    [InlineData("2026-01-31Z", false)]
    [InlineData("2026-01T10:00Z", false)]
    [InlineData("2026-02-30", false)]
    [InlineData("2026-1-31", false)]
    [InlineData("2026/01/31", false)]
    [InlineData("Jan 31 2026", false)]
    [InlineData(" 2026-01-31", false)]
    [InlineData("2026-01-31 ", false)]
    [InlineData("\uFF12\uFF10\uFF12\uFF16-01-31", false)]
    [InlineData("1700000000.5", false)]
    [InlineData("+1700000000", false)]
    [InlineData("1700000000000", false)]
    [InlineData("${aws:CurrentTime}", false)]
    public void TryParse_DocumentedForms_ReadsW3cDatesAndEpochSeconds(string text, bool expected)
    {
        // Arrange / Act
        var read = DateOperators.TryParse(text, out _);

        // Assert
        Assert.Equal(expected, read);
    }

    // Digits are epoch seconds even where they look like a W3C year or a basic-format date (see TryParse).
    [Theory]
    [InlineData("2026", 2026)]
    [InlineData("20260131", 20_260_131)]
    [InlineData("-86400", -86_400)]
    public void TryParse_Digits_ReadAsEpochSeconds(string text, long seconds)
    {
        // Arrange / Act
        var read = DateOperators.TryParse(text, out var ticks);

        // Assert
        Assert.True(read);
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(seconds).Ticks, ticks);
    }

    [Fact]
    public void TryParse_AnyInstant_ReadsItsW3cAndEpochFormsAlike()
    {
        Gen.Long[0, 253_402_300_799].Sample(seconds =>
        {
            var instant = DateTime.UnixEpoch.AddSeconds(seconds);
            var w3c = instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            return DateOperators.TryParse(w3c, out var fromW3c)
                && DateOperators.TryParse(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), out var fromEpoch)
                && fromW3c == fromEpoch && fromW3c == instant.Ticks;
        });
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
