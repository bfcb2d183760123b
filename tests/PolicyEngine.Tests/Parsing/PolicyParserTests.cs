using PolicyEngine.Diagnostics;
using PolicyEngine.Model;
using PolicyEngine.Parsing;

namespace PolicyEngine.Tests.Parsing;

public sealed partial class PolicyParserTests
{
    [Fact]
    public void Parse_SingleStatementObject_ReadsEveryElement()
    {
        // Arrange
        const string json = """
            {
              "Version": "2012-10-17",
              "Statement": {
                "Sid": "ReadLake",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:ListBucket"],
                "Resource": "arn:aws:s3:::lake-raw/*",
                "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["data", 42, true]}}
              }
            }
            """;

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        var statement = Assert.Single(result.Value!.Statements);
        Assert.Equal(PolicyVersion.Version2012, result.Value.Version);
        Assert.Equal("ReadLake", statement.Sid);
        Assert.Equal(Effect.Allow, statement.Effect);
        Assert.Equal(["s3:GetObject", "s3:ListBucket"], statement.Action.Values.Select(v => v.Value));
        var clause = Assert.Single(statement.Conditions);
        Assert.Equal(ConditionOperatorKind.StringEquals, clause.Operator.Kind);
        Assert.Equal(["data", "42", "true"], clause.Values.Select(v => v.Value));
        Assert.Equal(new SourceLocation(8, 36, "Statement.Condition.StringEquals.aws:PrincipalTag/team"), clause.Location);
    }

    [Fact]
    public void Parse_InvalidEffect_ReportsPlaceAndSuggestion()
    {
        var result = PolicyParser.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:*","Resource":"*"}]}""");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidEffect, error.Code);
        Assert.Equal("Statement[0].Effect", error.Location.Path);
        Assert.Equal(48, error.Location.Column);
        Assert.Equal("did you mean `Allow`?", error.Help);
        Assert.False(result.Success);
    }

    [Fact]
    public void Parse_TruncatedJson_ReportsInvalidJsonWithLine()
    {
        var result = PolicyParser.Parse("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidJson, error.Code);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Parse_DeepNesting_ReportsDepthInsteadOfThrowing()
    {
        var json = "{\"Statement\":" + new string('[', 100_000) + new string(']', 100_000) + "}";

        var result = PolicyParser.Parse(json);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.NestingTooDeep);
    }

    [Fact]
    public void Parse_StatementWithSid_KeepsTheSidsPlace()
    {
        var result = PolicyParser.Parse("{\"Statement\":[{\"Sid\":\"A1\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");

        var statement = Assert.Single(result.GetValueOrThrow().Statements);
        Assert.Equal(new SourceLocation(1, 22, "Statement[0].Sid"), statement.SidLocation);
    }

    [Fact]
    public void Parse_StatementWithoutSid_HasNoSidPlace()
        => Assert.Null(Assert.Single(PolicyParser.Parse("{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\"}}").GetValueOrThrow().Statements).SidLocation);

    [Fact]
    public void Parse_UnclosedArray_SaysTheDocumentEndsEarlyInOneSentence()
    {
        var error = Assert.Single(PolicyParser.Parse("{\"Statement\":[").Diagnostics);

        Assert.Equal("invalid JSON: the document ends before every object and array is closed", error.Message);
        Assert.DoesNotContain(".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKey_WarnsAndKeepsTheLastValue()
    {
        var result = PolicyParser.Parse("{\"Statement\":{\"Effect\":\"Deny\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateKey, warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(Effect.Allow, Assert.Single(result.GetValueOrThrow().Statements).Effect);
    }

    [Theory]
    [InlineData("[]", DiagnosticCodes.RootNotObject)]
    [InlineData("\"policy\"", DiagnosticCodes.RootNotObject)]
    [InlineData("", DiagnosticCodes.InvalidJson)]
    [InlineData("{} {}", DiagnosticCodes.InvalidJson)]
    [InlineData("{\"Version\":\"2012-10-17\"}", DiagnosticCodes.MissingStatement)]
    public void Parse_NotAPolicy_ReportsWhy(string json, string code)
        => Assert.Equal(code, Assert.Single(PolicyParser.Parse(json).Diagnostics).Code);
}
