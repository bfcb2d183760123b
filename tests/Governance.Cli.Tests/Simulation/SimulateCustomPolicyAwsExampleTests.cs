using System.Text.Json;
using static Governance.Cli.Tests.Simulation.SimulateCustomPolicyRunner;

namespace Governance.Cli.Tests.Simulation;

/// <summary>
/// AWS's own examples of <c>aws iam simulate-custom-policy</c>, input and expected output as published in the AWS CLI
/// Command Reference, https://docs.aws.amazon.com/cli/latest/reference/iam/simulate-custom-policy.html (Examples 1 and 2;
/// source: aws/aws-cli, awscli/examples/iam/simulate-custom-policy.rst).
/// </summary>
/// <remarks>
/// The positions there, with responses AWS gives for policies whose Statement is a list, fix the convention. Lines and
/// columns are 1-based and point at the statement's <c>{</c> and <c>}</c>: a list-form policy laid out as
/// <c>{"Version": "2012-10-17", "Statement": [{</c> gets StartPosition column 41, its brace. In Example 1 the Statement
/// is a lone object whose <c>{</c> is the 37th character and <c>}</c> the 166th, and AWS reports 38 and 167: it reads a
/// lone statement as a list of one, as if a <c>[</c> stood before the brace, which moves that line one column right.
/// </remarks>
public sealed class SimulateCustomPolicyAwsExampleTests
{
    [Fact]
    public void SimulateCustomPolicy_AwsExample1_AllowedWithAwsPositions()
    {
        // Act: Example 1 as published, the shorthand --context-entries included.
        var root = Results("--policy-input-list", AwsExamplePolicy, "--action-names", "dynamodb:CreateBackup",
            "--context-entries", "ContextKeyName='aws:CurrentTime',ContextKeyValues='2019-04-25T11:00:00Z',ContextKeyType=date");

        // Assert: the published output.
        var result = Assert.Single(root.GetProperty("EvaluationResults").EnumerateArray());
        Assert.Equal("dynamodb:CreateBackup", result.GetProperty("EvalActionName").GetString());
        Assert.Equal("*", result.GetProperty("EvalResourceName").GetString());
        Assert.Equal("allowed", result.GetProperty("EvalDecision").GetString());
        var statement = Assert.Single(result.GetProperty("MatchedStatements").EnumerateArray());
        Assert.Equal("PolicyInputList.1", statement.GetProperty("SourcePolicyId").GetString());
        Assert.Equal(1, statement.GetProperty("StartPosition").GetProperty("Line").GetInt32());
        Assert.Equal(38, statement.GetProperty("StartPosition").GetProperty("Column").GetInt32());
        Assert.Equal(1, statement.GetProperty("EndPosition").GetProperty("Line").GetInt32());
        Assert.Equal(167, statement.GetProperty("EndPosition").GetProperty("Column").GetInt32());
        Assert.Equal(0, result.GetProperty("MissingContextValues").GetArrayLength());
        Assert.False(result.TryGetProperty("EvalDecisionDetails", out _), "same account and resource `*`: AWS returns no EvalDecisionDetails");
        Assert.False(root.TryGetProperty("IsTruncated", out _), "the AWS CLI pages through the results and prints EvaluationResults alone");
    }

    [Fact]
    public void SimulateCustomPolicy_AwsExample2_ImplicitDenyWithoutStatements()
    {
        var root = Results("--policy-input-list", AwsExamplePolicy, "--action-names", "dynamodb:CreateBackup",
            "--context-entries", "ContextKeyName='aws:CurrentTime',ContextKeyValues='2014-04-25T11:00:00Z',ContextKeyType=date");

        var result = Assert.Single(root.GetProperty("EvaluationResults").EnumerateArray());
        Assert.Equal("implicitDeny", result.GetProperty("EvalDecision").GetString());
        Assert.Equal(0, result.GetProperty("MatchedStatements").GetArrayLength());
        Assert.Equal(0, result.GetProperty("MissingContextValues").GetArrayLength());
    }

    [Fact]
    public void SimulateCustomPolicy_ListFormPolicy_PositionsAreTheBraces()
    {
        // Arrange: json.dumps' layout; AWS answers StartPosition column 41 for a statement laid out so.
        var policy = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""";

        // Act
        var root = Results("--policy-input-list", policy, "--action-names", "s3:GetObject");

        // Assert
        var statement = root.GetProperty("EvaluationResults")[0].GetProperty("MatchedStatements")[0];
        Assert.Equal((1, 41), Position(statement.GetProperty("StartPosition")));
        Assert.Equal((1, policy.Length - 2), Position(statement.GetProperty("EndPosition")));
    }

    [Fact]
    public void SimulateCustomPolicy_MultiLinePolicy_PositionsAreTheBraces()
    {
        // Arrange: the statement's `{` is line 4 column 5, its `}` line 8 column 5.
        var policy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
            + "      \"Action\": \"s3:GetObject\",\n      \"Resource\": \"*\"\n    }\n  ]\n}\n";

        // Act
        var root = Results("--policy-input-list", FileArgument(policy), "--action-names", "s3:GetObject");

        // Assert
        var statement = root.GetProperty("EvaluationResults")[0].GetProperty("MatchedStatements")[0];
        Assert.Equal((4, 5), Position(statement.GetProperty("StartPosition")));
        Assert.Equal((8, 5), Position(statement.GetProperty("EndPosition")));
    }

    [Fact]
    public void SimulateCustomPolicy_MultiLineLoneStatement_OnlyTheOpeningLineMoves()
    {
        // Arrange: a lone statement object opening at line 3 column 16 and closing at line 7 column 3.
        var policy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\n    \"Effect\": \"Allow\",\n"
            + "    \"Action\": \"s3:GetObject\",\n    \"Resource\": \"*\"\n  }\n}\n";

        // Act
        var root = Results("--policy-input-list", FileArgument(policy), "--action-names", "s3:GetObject");

        // Assert: the `[` AWS reads before the brace moves line 3 only.
        var statement = root.GetProperty("EvaluationResults")[0].GetProperty("MatchedStatements")[0];
        Assert.Equal((3, 17), Position(statement.GetProperty("StartPosition")));
        Assert.Equal((7, 3), Position(statement.GetProperty("EndPosition")));
    }

    [Fact]
    public void SimulateCustomPolicy_TextOutput_IsTheAwsCliTextFormat()
    {
        // Act
        var (exit, stdout, stderr) = Run("--policy-input-list", AwsExamplePolicy, "--action-names", "dynamodb:CreateBackup",
            "--context-entries", "ContextKeyName=aws:CurrentTime,ContextKeyValues=2019-04-25T11:00:00Z,ContextKeyType=date", "-o", "text");

        // Assert: the AWS CLI's text format: a list's scalars on one line headed by its name in capitals, keys sorted.
        Assert.True(exit == 0, stderr);
        Assert.Equal(
            "EVALUATIONRESULTS\tdynamodb:CreateBackup\tallowed\t*\nMATCHEDSTATEMENTS\tPolicyInputList.1\tIAM Policy\n"
            + "ENDPOSITION\t167\t1\nSTARTPOSITION\t38\t1\n",
            stdout.ReplaceLineEndings("\n"));
    }

    private static (int Line, int Column) Position(JsonElement position)
        => (position.GetProperty("Line").GetInt32(), position.GetProperty("Column").GetInt32());
}
