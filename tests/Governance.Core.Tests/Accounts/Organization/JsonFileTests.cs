using System.Text;
using Governance.Core.Accounts.Organization;

namespace Governance.Core.Tests.Accounts.Organization;

public sealed class JsonFileTests
{
    [Fact]
    public void Parse_DuplicateKeyInANestedObject_ReportsItsPathAndLine()
    {
        // Arrange
        var (log, problems) = Log();
        var bytes = "{\n  \"a\": [\n    {\"b\": 1,\n     \"b\": 2}\n  ]\n}"u8.ToArray();

        // Act
        using var document = JsonFile.Parse(bytes, 64, log);
        log.Flush(bytes, 64);

        // Assert
        Assert.Null(document);
        var problem = Assert.Single(problems.Errors);
        Assert.Equal(("a[0].b", 4), (problem.Path, problem.Line));
        Assert.Equal("duplicate key `b`: each key may appear once in an object", problem.Message);
    }

    [Fact]
    public void Parse_SameKeyInTwoObjects_IsNoDuplicate()
    {
        // Arrange
        var (log, problems) = Log();

        // Act
        using var document = JsonFile.Parse("""[{"a":1},{"a":2},{"b":{"a":3}}]"""u8.ToArray(), 64, log);

        // Assert
        Assert.NotNull(document);
        Assert.Empty(problems.Errors);
    }

    [Theory]
    [InlineData("\"\\uD800\"")]
    [InlineData("\"\\uDBFF\\u0041\"")]
    [InlineData("\"a\\uDC00b\"")]
    [InlineData("{\"\\uD800\":1}")]
    public void Parse_LoneSurrogateEscape_IsAnErrorNotAnException(string json)
    {
        // Arrange
        var (log, problems) = Log();

        // Act
        using var document = JsonFile.Parse(Encoding.UTF8.GetBytes(json), 64, log);
        log.Flush(Encoding.UTF8.GetBytes(json), 64);

        // Assert
        Assert.Null(document);
        Assert.Contains("lone surrogate", Assert.Single(problems.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SurrogatePairEscape_IsAccepted()
    {
        // Arrange: U+1F600 written as its UTF-16 pair.
        var (log, _) = Log();

        // Act
        using var document = JsonFile.Parse("""{"name":"\uD83D\uDE00"}"""u8.ToArray(), 64, log);

        // Assert
        Assert.Equal("\U0001F600", document!.RootElement.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B, 0x00 }, "the file is UTF-16")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x7B }, "the file is UTF-16")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00 }, "the file is UTF-32")]
    [InlineData(new byte[] { 0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D }, "invalid UTF-8 at byte 2")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x22, 0xED, 0xA0, 0x80, 0x22 }, "invalid UTF-8 at byte 4")]
    [InlineData(new byte[] { 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22 }, "invalid UTF-8 at byte 1")]
    [InlineData(new byte[] { 0x22, 0xE2, 0x82 }, "invalid UTF-8 at byte 1")]
    public void Parse_NotUtf8_SaysWhatTheBytesAre(byte[] bytes, string message)
    {
        // Arrange
        var (log, problems) = Log();

        // Act
        using var document = JsonFile.Parse(bytes, 64, log);
        log.Flush(bytes, 64);

        // Assert
        Assert.Null(document);
        Assert.StartsWith(message, Assert.Single(problems.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Utf8ByteOrderMark_IsSkipped()
    {
        // Arrange
        var (log, _) = Log();

        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "{\"a\":1}"u8];

        // Act
        using var document = JsonFile.Parse(bytes, 64, log);

        // Assert
        Assert.Equal(1, document!.RootElement.GetProperty("a").GetInt32());
    }

    [Fact]
    public void Parse_NestingPastTheBound_IsAnError()
    {
        // Arrange
        var (log, problems) = Log();
        var bytes = Encoding.UTF8.GetBytes(new string('[', 11) + new string(']', 11));

        // Act
        using var document = JsonFile.Parse(bytes, 10, log);
        log.Flush(bytes, 10);

        // Assert
        Assert.Null(document);
        Assert.Contains("maximum configured depth of 10", Assert.Single(problems.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_PathsOfKeysAndItems_AreTheirLines()
    {
        // Arrange
        var bytes = "{\n\"a\": [\n  1,\n  {\"b\": true}\n],\n\"c\": {}\n}"u8.ToArray();

        // Act
        var lines = JsonFile.Lines(bytes, new HashSet<string> { "", "a", "a[0]", "a[1]", "a[1].b", "c", "d" }, 64);

        // Assert
        Assert.Equal(new Dictionary<string, int> { [""] = 1, ["a"] = 2, ["a[0]"] = 3, ["a[1]"] = 4, ["a[1].b"] = 4, ["c"] = 6 }, lines);
    }

    [Theory]
    [InlineData("Accounts[2].ParentId", "Accounts[2]")]
    [InlineData("Accounts[2]", "Accounts")]
    [InlineData("Accounts", "")]
    [InlineData("a.b.c", "a.b")]
    public void Parent_Path_IsTheEnclosingElementsPath(string path, string parent)
        => Assert.Equal(parent, FileLog.Parent(path));

    [Fact]
    public void Flush_ProblemAboutAMissingKey_TakesTheLineOfTheEnclosingElement()
    {
        // Arrange
        var (log, problems) = Log();
        var bytes = "{\n \"Accounts\": [\n  {},\n  {\"Id\": \"1\"}\n ]\n}"u8.ToArray();
        log.Error("Accounts[1].ParentId", "required field is missing");

        // Act
        log.Flush(bytes, 64);

        // Assert
        Assert.Equal(4, Assert.Single(problems.Errors).Line);
    }

    private static (FileLog Log, ProblemLog Problems) Log()
    {
        var problems = new ProblemLog(100);
        return (problems.For("test.json"), problems);
    }
}
