using System.Text.Json;
using static Governance.Cli.Tests.Simulation.SimulationCases;
using static TestSupport.Cli.CliRunner;

namespace Governance.Cli.Tests.Simulation;

public sealed class SimulateCustomPolicyCommandTests
{
    [Fact]
    public void SimulateCustomPolicy_AwsInput_PrintsAwsShapedResults()
    {
        // Arrange: the shape of `aws iam simulate-custom-policy --cli-input-json`.
        var input = TempFile("""
            {
              "PolicyInputList": ["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}},{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}]}"],
              "ActionNames": ["s3:GetObject", "s3:DeleteObject"],
              "ResourceArns": ["arn:aws:s3:::lake/a.csv"],
              "CallerArn": "arn:aws:iam::111122223333:user/alice",
              "ContextEntries": [{"ContextKeyName": "aws:PrincipalTag/team", "ContextKeyValues": ["data"], "ContextKeyType": "string"}]
            }
            """, ".json");

        // Act
        var (exit, output, error) = Run("simulate-custom-policy", "--cli-input-json", "file://" + input);

        // Assert
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.GetProperty("EvaluationResults");
        Assert.Equal("s3:GetObject", results[0].GetProperty("EvalActionName").GetString());
        Assert.Equal("implicitDeny", results[0].GetProperty("EvalDecision").GetString());
        Assert.Equal("aws:MultiFactorAuthPresent", results[0].GetProperty("MissingContextValues")[0].GetString());
        Assert.Equal("explicitDeny", results[1].GetProperty("EvalDecision").GetString());
        Assert.Equal("PolicyInputList.1", results[1].GetProperty("MatchedStatements")[0].GetProperty("SourcePolicyId").GetString());
    }

    [Fact]
    public void SimulateCustomPolicy_MissingFile_IsUsageError()
    {
        var (exit, _, error) = Run("simulate-custom-policy", "--cli-input-json", "file:///nonexistent/request.json");

        Assert.Equal(2, exit);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws")]
    [InlineData("arn:aws:iam")]
    public void SimulateCustomPolicy_ResourceOwnerNotAnArn_IsUsageErrorNamingIt(string owner)
    {
        // Arrange: an owner that starts like an ARN but has fewer than six fields (it crashed the command once).
        var input = TempFile($$"""
            {
              "PolicyInputList": ["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"],
              "ActionNames": ["s3:GetObject"],
              "ResourceOwner": "{{owner}}"
            }
            """, ".json");

        // Act
        var (exit, output, error) = Run("simulate-custom-policy", "--cli-input-json", "file://" + input);

        // Assert
        Assert.Equal(2, exit);
        Assert.Contains($"`ResourceOwner` `{owner}` is not an ARN", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
    }
}
