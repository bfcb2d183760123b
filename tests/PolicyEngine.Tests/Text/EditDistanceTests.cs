using PolicyEngine.Text;

namespace PolicyEngine.Tests.Text;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("GetObject", "GetObject", 0)]
    [InlineData("GetObject", "getobject", 0)]
    [InlineData("GetObjekt", "GetObject", 1)]
    [InlineData("GetObejct", "GetObject", 1)]
    [InlineData("PasRole", "PassRole", 1)]
    [InlineData("s4", "s3", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Compute_TwoNames_ReturnsOptimalStringAlignmentDistance(string a, string b, int expected)
    {
        // Act
        int distance = EditDistance.Compute(a, b, limit: 10);

        // Assert
        Assert.Equal(expected, distance);
    }

    [Theory]
    [InlineData("kitten", "sitting", 2)]
    [InlineData("a", "abcdef", 1)]
    [InlineData("abcdefgh", "hgfedcba", 3)]
    public void Compute_DistanceOverLimit_ReturnsLimitPlusOne(string a, string b, int limit)
    {
        // Act
        int distance = EditDistance.Compute(a, b, limit);

        // Assert
        Assert.Equal(limit + 1, distance);
    }

    [Fact]
    public void Compute_LongNames_DoesNotOverflowTheStack()
    {
        // Arrange
        string a = new('a', 500);
        string b = new string('a', 499) + "b";

        // Act
        int distance = EditDistance.Compute(a, b, limit: 3);

        // Assert
        Assert.Equal(1, distance);
    }
}
