using PolicyEngine.Evaluation.Conditions;
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

    // "compares the value of the specified key byte for byte against a base-64 encoded representation"; no policy
    // variables. Base64 as RFC 4648 §4 (standard alphabet, padded) and §3.3 (no characters outside the alphabet).
    [Theory]
    [InlineData("QmluYXJ5VmFsdWVJbkJhc2U2NA==", true)]
    [InlineData("QUJD", true)]
    [InlineData("QUI=", true)]
    [InlineData("+/+/", true)]
    [InlineData("", true)]
    [InlineData("2026-01-31 10:00:00", false)]
    [InlineData("1e3", false)]
    [InlineData("QUJ", false)]
    [InlineData("QUJD=", false)]
    [InlineData("QUJD====", false)]
    [InlineData("Q===", false)]
    [InlineData("QU=D", false)]
    [InlineData("QU JD", false)]
    [InlineData("QUJD\n", false)]
    [InlineData("-_-_", false)]
    [InlineData("not base64!", false)]
    [InlineData("${aws:PrincipalTag/blob}", false)]
    public void TryParse_DocumentedForms_ReadsPaddedBase64Only(string text, bool expected)
    {
        // Arrange / Act
        var read = BinaryOperator.TryParse(text, out _);

        // Assert
        Assert.Equal(expected, read);
    }

    [Fact]
    public void Evaluate_SameBytesDifferentPadBits_Matches()
    {
        // Arrange / Act / Assert: QUI= and QUJ= both decode to "AB"; the comparison is byte for byte.
        Assert.True(Matches("BinaryEquals", "k", "QUI=", "QUJ="));
    }

    [Fact]
    public void Evaluate_LongValue_ComparesBytes()
    {
        // Arrange
        var blob = Convert.ToBase64String(Enumerable.Range(0, 1000).Select(static i => (byte)(i % 256)).ToArray());

        // Act / Assert
        Assert.True(Matches("BinaryEquals", "k", blob, blob));
        Assert.False(Matches("BinaryEquals", "k", blob, "QUJD"));
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
