using System.Text;
using CsCheck;
using PolicyEngine.Model;
using PolicyEngine.Parsing;

namespace PolicyEngine.Tests.Parsing;

public sealed class PolicyParserPropertyTests
{
    [Fact]
    public void Parse_ArbitraryBytes_NeverThrows()
        => PolicyGenerators.Bytes.Sample(static bytes => PolicyParser.Parse(bytes), iter: 3_000);

    [Fact]
    public void Parse_ArbitraryJson_NeverThrowsAndReportsFailureAsDiagnostics()
        => PolicyGenerators.Json.Sample(static json =>
        {
            var result = PolicyParser.Parse(json);
            Assert.True(result.Success || !result.Diagnostics.IsEmpty, "a failed parse always says why");
        }, iter: 3_000);

    [Fact]
    public void Parse_GeneratedValidPolicy_Succeeds()
        => PolicyGenerators.ValidPolicy.Sample(static json =>
        {
            var result = PolicyParser.Parse(json);
            Assert.True(result.Success, json + "\n" + string.Join("\n", result.Diagnostics));
        }, iter: 1_000);

    [Fact]
    public void Print_ParsedValidPolicy_IsAFixedPointOfParseThenPrint()
        => PolicyGenerators.ValidPolicy.Sample(static json =>
        {
            var printed = PolicyPrinter.Print(PolicyParser.Parse(json).GetValueOrThrow());

            var reparsed = PolicyParser.Parse(printed);

            Assert.True(reparsed.Success, printed + "\n" + string.Join("\n", reparsed.Diagnostics));
            Assert.Equal(printed, PolicyPrinter.Print(reparsed.Value!));
        }, iter: 1_000);

    [Fact]
    public void Print_RoundTrip_KeepsEveryStatementElement()
    {
        // Arrange
        const string json = """
            {"Version":"2012-10-17","Id":"P","Statement":{"Sid":"A","Effect":"Deny","NotPrincipal":{"Service":"a","AWS":["b","c"]},
             "NotAction":"s3:*","NotResource":["arn:aws:s3:::x"],"Condition":{"NumericLessThan":{"k":5},"Bool":{"aws:SecureTransport":false}}}}
            """;

        // Act
        var printed = PolicyPrinter.Print(PolicyParser.Parse(json).GetValueOrThrow());

        // Assert
        var statement = Assert.Single(PolicyParser.Parse(printed).GetValueOrThrow().Statements);
        Assert.True(statement.Principal!.IsNot);
        Assert.Equal(["b", "c", "a"], statement.Principal.Entries.Select(static e => e.Value));
        Assert.True(statement.Action.IsNot);
        Assert.True(statement.Resource!.IsNot);
        Assert.Equal(["5", "false"], statement.Conditions.Select(static c => c.Values.Single().Value));
        Assert.Contains("\"NumericLessThan\": {\n", printed.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(printed), Encoding.UTF8.GetBytes(printed).Length);
    }
}
