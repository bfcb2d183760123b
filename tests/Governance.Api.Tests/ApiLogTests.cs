namespace Governance.Api.Tests;

public sealed class ApiLogTests
{
    [Fact]
    public void Printable_NewlineAndBidiOverride_WrittenAsEscapesOnOneLine()
    {
        // Act
        var printable = ApiLog.Printable("resources['a\ninfo: forged']\u202E");

        // Assert
        Assert.Equal("resources['a\\u000Ainfo: forged']\\u202E", printable);
    }

    [Fact]
    public void Printable_OrdinaryPath_Unchanged()
        => Assert.Equal("resources[1]", ApiLog.Printable("resources[1]"));
}
