namespace PolicyEngine.Tests.Catalog;

public sealed partial class ActionCatalogTests
{
    [Theory]
    [InlineData("s3:GetObjekt", "s3:GetObject")]
    [InlineData("s3:GetObejct", "s3:GetObject")]
    [InlineData("s4:GetObject", "s3:GetObject")]
    [InlineData("iam:PasRole", "iam:PassRole")]
    [InlineData("lambda:InvokeFunctoin", "lambda:InvokeFunction")]
    [InlineData("ec3:DescribeInstances", "ec2:DescribeInstances")]
    public void Suggest_MisspelledAction_ReturnsIntendedActionFirst(string unknown, string expected)
    {
        // Act
        var suggestions = Catalog.Suggest(unknown);

        // Assert
        Assert.NotEmpty(suggestions);
        Assert.Equal(expected, suggestions[0]);
        Assert.True(suggestions.Count <= 3);
    }

    [Fact]
    public void Suggest_MisspelledService_ReturnsPrefixes()
    {
        // Act
        var suggestions = Catalog.Suggest("lamda");

        // Assert
        Assert.Equal("lambda", suggestions[0]);
    }

    [Fact]
    public void Suggest_MaxOne_ReturnsOneSuggestion()
    {
        // Act
        var suggestions = Catalog.Suggest("s3:GetObjekt", max: 1);

        // Assert
        Assert.Equal(["s3:GetObject"], suggestions);
    }

    [Theory]
    [InlineData("zzzzzzzzzz:Qqqqqqqqqqqq")]
    [InlineData("s3:Qqqqqqqqqqqqqqqqq")]
    [InlineData("")]
    public void Suggest_NothingClose_ReturnsEmpty(string unknown)
    {
        // Act
        var suggestions = Catalog.Suggest(unknown);

        // Assert
        Assert.Empty(suggestions);
    }
}
