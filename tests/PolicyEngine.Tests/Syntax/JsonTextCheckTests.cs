using System.Text;
using PolicyEngine.Syntax;

namespace PolicyEngine.Tests.Syntax;

public sealed class JsonTextCheckTests
{
    [Theory]
    [InlineData("{\"a\":[\"x\",\n \"\\ud800\"]}", 2, 3, "a[1]", "invalid escape: lone surrogate `\\ud800`")]
    [InlineData("{\"a\":{\"b\\udc00\":1}}", 1, 9, "a.b\\udc00", "invalid escape: lone surrogate `\\udc00`")]
    [InlineData("{\"a\":\"\\udc00\\ud800\"}", 1, 7, "a", "invalid escape: lone surrogate `\\udc00`")]
    [InlineData("{\"a\":\"\\ud800x\"}", 1, 7, "a", "invalid escape: lone surrogate `\\ud800`")]
    [InlineData("{\"a\":{\"b\":1,\"b\":2}}", 1, 13, "a.b", "duplicate key `b`: each key may appear once in an object")]
    [InlineData("{\"a\\u0062\":1,\"ab\":2}", 1, 14, "ab", "duplicate key `ab`: each key may appear once in an object")]
    public void Check_ProblemInAString_NamesLineColumnPathAndWhat(string json, int line, int column, string path, string message)
    {
        // Act
        var problem = JsonTextCheck.Check(Encoding.UTF8.GetBytes(json), new JsonTextRules(RefuseDuplicateKeys: true));

        // Assert
        Assert.NotNull(problem);
        Assert.Equal((line, column, path), (problem.Line, problem.Column, problem.Path));
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DuplicateKeysNotRefused_Accepts()
        => Assert.Null(JsonTextCheck.Check("{\"a\":1,\"a\":2}"u8.ToArray()));

    [Fact]
    public void Check_InvalidUtf8_GivesTheByteAndItsCharacterColumn()
    {
        byte[] bytes = [.. "{\"é\":\n  \"x"u8, 0xED, 0xA0, 0x80, .. "\"}"u8];

        var problem = JsonTextCheck.Check(bytes);

        Assert.Equal((2, 5), (problem!.Line, problem.Column));
        Assert.Contains("`0xED`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HundredThousandDeep_RefusesAtTheBoundWithThePath()
    {
        var json = "{\"a\":" + new string('[', 100_000) + new string(']', 100_000) + "}";

        var problem = JsonTextCheck.Check(Encoding.UTF8.GetBytes(json), new JsonTextRules(MaxDepth: 4));

        Assert.Equal("objects and arrays nest deeper than 4 levels", problem!.Message);
        Assert.Equal("a[0][0][0]", problem.Path);
    }

    [Fact]
    public void Check_SyntaxError_GivesTheContainerPath()
    {
        var problem = JsonTextCheck.Check("{\"a\":[1,\"b\\x\"]}"u8.ToArray());

        Assert.StartsWith("invalid JSON: ", problem!.Message, StringComparison.Ordinal);
        Assert.Equal("a", problem.Path);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'{', 0, (byte)'}', 0 }, "UTF-16")]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF }, "UTF-32")]
    public void Check_ForeignByteOrderMark_IsRefusedByName(byte[] bytes, string encoding)
        => Assert.Contains(encoding, JsonTextCheck.Check(bytes)!.Message, StringComparison.Ordinal);

    [Fact]
    public void TryParse_Utf8ByteOrderMark_ParsesTheDocument()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "{\"a\":\"\\ud83d\\ude00\"}"u8];

        var ok = JsonTextCheck.TryParse(bytes, null, out var document, out _);

        Assert.True(ok);
        using (document)
        {
            Assert.Equal("😀", document!.RootElement.GetProperty("a").GetString());
        }
    }

    [Fact]
    public void TryParse_CommentsAllowed_SkipsThem()
        => Assert.True(JsonTextCheck.TryParse("// rules\n{\"a\":1}", new JsonTextRules(AllowComments: true), out _, out _));

    [Fact]
    public void TryParse_CommentsNotAllowed_RefusesThem()
        => Assert.False(JsonTextCheck.TryParse("// rules\n{\"a\":1}", null, out _, out _));

    [Fact]
    public void TryDecode_Utf8WithByteOrderMark_DropsTheMark()
    {
        var ok = JsonTextCheck.TryDecode((byte[])[0xEF, 0xBB, 0xBF, .. "{}"u8], out var text, out _);

        Assert.True(ok);
        Assert.Equal("{}", text);
    }

    [Fact]
    public void TryDecode_InvalidUtf8_GivesItsPlace()
    {
        var ok = JsonTextCheck.TryDecode((byte[])[.. "{\n \""u8, 0xFF, .. "\"}"u8], out _, out var problem);

        Assert.False(ok);
        Assert.Equal((2, 3), (problem!.Line, problem.Column));
    }

    [Fact]
    public void ToString_WithPath_ReadsAsOneLine()
        => Assert.Equal("line 2 column 3 (a[1]): bad", new JsonTextProblem("bad", 2, 3, "a[1]").ToString());
}
