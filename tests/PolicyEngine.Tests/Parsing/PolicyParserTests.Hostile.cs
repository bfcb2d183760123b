using System.Text;
using System.Text.Json;
using PolicyEngine.Diagnostics;
using PolicyEngine.Parsing;

namespace PolicyEngine.Tests.Parsing;

// Reproductions of issue 15: text the JSON reader accepts but no string can hold, and other encodings.
public sealed partial class PolicyParserTests
{
    [Theory]
    [InlineData(@"\ud800", 1, 68)]
    [InlineData(@"\udc00\ud800", 1, 68)]
    [InlineData(@"\ud800x", 1, 68)]
    [InlineData(@"arn:aws:s3:::a\uDBFF\u0041", 1, 82)]
    public void Parse_LoneSurrogateEscape_ReportsInvalidEscapeAtItsPlace(string resource, int line, int column)
    {
        // Arrange: before issue 15, GetString threw InvalidOperationException out of the parser
        var json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"" + resource + "\",\"Action\":\"s3:GetObject\"}]}";

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidJson, error.Code);
        Assert.StartsWith("invalid escape: lone surrogate `\\u", error.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(line, column, "Statement[0].Resource"), error.Location);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Parse_LoneSurrogateInKey_NamesTheKeyAsWritten()
    {
        var error = Assert.Single(PolicyParser.Parse("{\"Statement\":{\"\\udfff\":1}}").Diagnostics);

        Assert.Equal(new SourceLocation(1, 16, "Statement.\\udfff"), error.Location);
        Assert.Contains("`\\udfff`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SurrogatePairEscape_ReadsTheCharacter()
    {
        var result = PolicyParser.Parse("{\"Statement\":{\"Sid\":\"\\ud83d\\ude00\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");

        Assert.Equal("😀", Assert.Single(result.GetValueOrThrow().Statements).Sid);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0x80 }, "0xC0")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "0xED")]
    [InlineData(new byte[] { 0xE2, 0x82 }, "0xE2")]
    [InlineData(new byte[] { 0xFF }, "0xFF")]
    public void Parse_InvalidUtf8InAString_ReportsTheByteAndItsPlace(byte[] bytes, string shown)
    {
        byte[] utf8 = [.. "{\"Statement\":\n {\"Sid\":\"ab"u8, .. bytes, .. "\"}}"u8];

        var error = Assert.Single(PolicyParser.Parse(utf8).Diagnostics);

        Assert.Equal(DiagnosticCodes.InvalidJson, error.Code);
        Assert.Contains(shown, error.Message, StringComparison.Ordinal);
        Assert.Equal((2, 12), (error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE }, "UTF-16")]
    [InlineData(new byte[] { 0xFE, 0xFF }, "UTF-16")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00 }, "UTF-32")]
    public void Parse_ForeignByteOrderMark_SaysWhichEncodingAndAsksForUtf8(byte[] bom, string encoding)
    {
        byte[] utf8 = [.. bom, .. Encoding.Unicode.GetBytes("{\"Statement\":[]}")];

        var error = Assert.Single(PolicyParser.Parse(utf8).Diagnostics);

        Assert.Equal($"the text is {encoding} (it starts with a {encoding} byte order mark); expected UTF-8", error.Message);
    }

    [Fact]
    public void Parse_Utf8ByteOrderMark_IsSkipped()
    {
        byte[] utf8 = [0xEF, 0xBB, 0xBF, .. "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}"u8];

        Assert.True(PolicyParser.Parse(utf8).Success);
    }

    [Theory]
    [InlineData(@"\u12")]
    [InlineData(@"\x")]
    [InlineData("\0")]
    [InlineData("\u0001")]
    public void Parse_BrokenEscapeOrControlCharacter_ReportsInvalidJson(string inside)
    {
        var error = Assert.Single(PolicyParser.Parse("{\"Statement\":{\"Sid\":\"a" + inside + "\"}}").Diagnostics);

        Assert.Equal(DiagnosticCodes.InvalidJson, error.Code);
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void Parse_ElementOfAnUncheckedDocumentWithInvalidUtf8_ReportsIt()
    {
        // Arrange: JsonDocument accepts invalid UTF-8 inside a string; GetRawText would throw on it
        using var document = JsonDocument.Parse((byte[])[.. "{\"p\":{\"Statement\":\"a"u8, 0xC0, 0x80, .. "\"}}"u8]);

        // Act
        var result = PolicyParser.Parse(document.RootElement.GetProperty("p"));

        // Assert
        Assert.Contains("invalid UTF-8: byte `0xC0`", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }
}
