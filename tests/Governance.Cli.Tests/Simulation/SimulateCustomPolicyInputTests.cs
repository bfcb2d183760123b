using System.Text.Json;
using static Governance.Cli.Tests.Simulation.SimulateCustomPolicyRunner;

namespace Governance.Cli.Tests.Simulation;

/// <summary>
/// The input of <c>aws iam simulate-custom-policy</c>: <c>--cli-input-json</c>, <c>--cli-input-yaml</c> and each of the
/// AWS CLI's options, <c>file://</c> values, the shorthand syntax, and the AWS CLI's parameter validation (botocore's
/// <c>validate.py</c> wording, <c>Parameter validation failed:</c>) for unknown and missing members.
/// </summary>
public sealed class SimulateCustomPolicyInputTests
{
    private const string AllowGet = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    [Fact]
    public void SimulateCustomPolicy_UnknownMember_IsParameterValidationErrorListingTheMembers()
    {
        // Arrange: a typo of PolicyInputList.
        var input = FileArgument($$"""{"PolicyInputLst": [{{JsonSerializer.Serialize(AllowGet)}}], "ActionNames": ["s3:GetObject"]}""");

        // Act
        var (exit, stdout, stderr) = Run("--cli-input-json", input);

        // Assert
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        AssertErrorLines(stderr);
        Assert.Contains("Parameter validation failed:", stderr, StringComparison.Ordinal);
        Assert.Contains("Unknown parameter in input: \"PolicyInputLst\", must be one of: PolicyInputList, PermissionsBoundaryPolicyInputList, "
            + "OrderedOrganizationPolicyInputList, ActionNames, ResourceArns, ResourcePolicy, ResourceOwner, CallerArn, ContextEntries, "
            + "ResourceHandlingOption, MaxItems, Marker", stderr, StringComparison.Ordinal);
        Assert.Contains("Missing required parameter in input: \"PolicyInputList\"", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_MissingActionNames_IsParameterValidationError()
    {
        var input = FileArgument($$"""{"PolicyInputList": [{{JsonSerializer.Serialize(AllowGet)}}]}""");

        var (exit, _, stderr) = Run("--cli-input-json", input);

        Assert.Equal(2, exit);
        AssertErrorLines(stderr);
        Assert.Contains("Missing required parameter in input: \"ActionNames\"", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_UnknownContextEntryMember_NamesTheEntry()
    {
        var input = FileArgument($$"""
            {"PolicyInputList": [{{JsonSerializer.Serialize(AllowGet)}}], "ActionNames": ["s3:GetObject"],
             "ContextEntries": [{"ContextKeyName": "aws:username", "Values": ["bob"]}]}
            """);

        var (exit, _, stderr) = Run("--cli-input-json", input);

        Assert.Equal(2, exit);
        Assert.Contains("Unknown parameter in ContextEntries[0]: \"Values\", must be one of: ContextKeyName, ContextKeyValues, ContextKeyType",
            stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_StringWhereAListBelongs_IsInvalidType()
    {
        var input = FileArgument($$"""{"PolicyInputList": {{JsonSerializer.Serialize(AllowGet)}}, "ActionNames": ["s3:GetObject"]}""");

        var (exit, _, stderr) = Run("--cli-input-json", input);

        Assert.Equal(2, exit);
        Assert.Contains("Invalid type for parameter PolicyInputList", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_ShortActionName_IsInvalidLength()
    {
        var (exit, _, stderr) = Run("--policy-input-list", AllowGet, "--action-names", "s3");

        Assert.Equal(2, exit);
        Assert.Contains("Invalid length for parameter ActionNames[0], value: 2, valid min length: 3", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_EveryOption_SimulatesAsTheJsonInputDoes()
    {
        // Arrange: the same request as options (files, JSON context entries) and as --cli-input-json.
        var bucketPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::lake/*"}]}""";
        var boundary = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
        var context = """[{"ContextKeyName":"aws:SecureTransport","ContextKeyValues":["true"],"ContextKeyType":"boolean"}]""";
        string[] options =
        [
            "--policy-input-list", FileArgument(AllowGet),
            "--permissions-boundary-policy-input-list", FileArgument(boundary),
            "--action-names", "s3:GetObject", "s3:PutObject", "s3:DeleteObject",
            "--resource-arns", "arn:aws:s3:::lake/a.csv",
            "--resource-policy", FileArgument(bucketPolicy),
            "--resource-owner", "arn:aws:iam::111122223333:root",
            "--caller-arn", "arn:aws:iam::111122223333:user/alice",
            "--context-entries", context,
        ];
        var json = FileArgument($$"""
            {
              "PolicyInputList": [{{JsonSerializer.Serialize(AllowGet)}}],
              "PermissionsBoundaryPolicyInputList": [{{JsonSerializer.Serialize(boundary)}}],
              "ActionNames": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
              "ResourceArns": ["arn:aws:s3:::lake/a.csv"],
              "ResourcePolicy": {{JsonSerializer.Serialize(bucketPolicy)}},
              "ResourceOwner": "arn:aws:iam::111122223333:root",
              "CallerArn": "arn:aws:iam::111122223333:user/alice",
              "ContextEntries": {{context}}
            }
            """);

        // Act
        var fromOptions = Results(options);
        var fromJson = Results("--cli-input-json", json);

        // Assert
        Assert.Equal(fromJson.GetRawText(), fromOptions.GetRawText());
        Assert.Equal("arn:aws:s3:::lake/a.csv", fromOptions.GetProperty("EvaluationResults")[0].GetProperty("EvalResourceName").GetString());
        var decisions = fromOptions.GetProperty("EvaluationResults").EnumerateArray().Select(static r => r.GetProperty("EvalDecision").GetString());
        Assert.Equal(["allowed", "allowed", "implicitDeny"], decisions);
    }

    [Fact]
    public void SimulateCustomPolicy_OptionBesideCliInputJson_OverridesItsMember()
    {
        var json = FileArgument($$"""{"PolicyInputList": [{{JsonSerializer.Serialize(AllowGet)}}], "ActionNames": ["s3:PutObject"]}""");

        var root = Results("--cli-input-json", json, "--action-names", "s3:GetObject");

        var result = Assert.Single(root.GetProperty("EvaluationResults").EnumerateArray());
        Assert.Equal("s3:GetObject", result.GetProperty("EvalActionName").GetString());
        Assert.Equal("allowed", result.GetProperty("EvalDecision").GetString());
    }

    [Fact]
    public void SimulateCustomPolicy_CliInputYaml_ReadsAsTheJsonDoes()
    {
        // Arrange: YAML as `aws iam simulate-custom-policy --generate-cli-skeleton yaml-input` lays it out.
        var yaml = FileArgument("""
            PolicyInputList:
            - '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}]}'
            ActionNames:
            - s3:GetObject
            - s3:PutObject
            ContextEntries:
            - ContextKeyName: aws:MultiFactorAuthAge
              ContextKeyValues:
              - '300'
              ContextKeyType: numeric
            MaxItems: 1
            """, ".yaml");

        // Act
        var root = Results("--cli-input-yaml", yaml);

        // Assert: MaxItems is the API's page size, so the response is the API's: one result, truncated, with a Marker.
        var result = Assert.Single(root.GetProperty("EvaluationResults").EnumerateArray());
        Assert.Equal("allowed", result.GetProperty("EvalDecision").GetString());
        Assert.True(root.GetProperty("IsTruncated").GetBoolean());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("Marker").GetString()));
    }

    [Fact]
    public void SimulateCustomPolicy_Marker_ContinuesWhereThePageEnded()
    {
        // Arrange
        var first = Results("--policy-input-list", AllowGet, "--action-names", "s3:GetObject", "s3:PutObject", "--cli-input-json", """{"MaxItems": 1}""");
        var marker = first.GetProperty("Marker").GetString();

        // Act
        var second = Results("--policy-input-list", AllowGet, "--action-names", "s3:GetObject", "s3:PutObject",
            "--cli-input-json", $$"""{"MaxItems": 1, "Marker": "{{marker}}"}""");

        // Assert
        Assert.Equal("s3:GetObject", first.GetProperty("EvaluationResults")[0].GetProperty("EvalActionName").GetString());
        var result = Assert.Single(second.GetProperty("EvaluationResults").EnumerateArray());
        Assert.Equal("s3:PutObject", result.GetProperty("EvalActionName").GetString());
        Assert.False(second.GetProperty("IsTruncated").GetBoolean());
    }

    [Fact]
    public void SimulateCustomPolicy_MarkerNotIssued_IsInvalidInput()
    {
        var (exit, _, stderr) = Run("--policy-input-list", AllowGet, "--action-names", "s3:GetObject", "--cli-input-json", """{"Marker": "bogus"}""");

        Assert.Equal(2, exit);
        Assert.Contains("(InvalidInput)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_PolicyFromStandardInput_IsRead()
    {
        var (exit, stdout, stderr) = RunWithInput(AllowGet, "--policy-input-list", "-", "--action-names", "s3:GetObject");

        Assert.True(exit == 0, stderr);
        Assert.Equal("allowed", JsonDocument.Parse(stdout).RootElement.GetProperty("EvaluationResults")[0].GetProperty("EvalDecision").GetString());
    }

    [Fact]
    public void SimulateCustomPolicy_MissingPolicyFile_NamesIt()
    {
        var (exit, _, stderr) = Run("--policy-input-list", "file:///nonexistent/policy.json", "--action-names", "s3:GetObject");

        Assert.Equal(2, exit);
        AssertErrorLines(stderr);
        Assert.Contains("/nonexistent/policy.json: no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_ShorthandListValues_AreAListContextKey()
    {
        // Arrange: a tag-keys condition that holds only when both keys are sent.
        var policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["team","env"]},"Null":{"aws:TagKeys":"false"}}}]}""";

        // Act: two entries, the second a list in the shorthand's comma form.
        var root = Results("--policy-input-list", policy, "--action-names", "s3:GetObject", "--context-entries",
            "ContextKeyName=aws:username,ContextKeyValues=bob,ContextKeyType=string",
            "ContextKeyName=aws:TagKeys,ContextKeyValues=team,env,ContextKeyType=stringList");

        // Assert
        Assert.Equal("allowed", root.GetProperty("EvaluationResults")[0].GetProperty("EvalDecision").GetString());
    }

    [Fact]
    public void SimulateCustomPolicy_BooleanShorthandFromTheIssue_IsHonoured()
    {
        var policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}""";

        var root = Results("--policy-input-list", policy, "--action-names", "s3:GetObject",
            "--context-entries", "ContextKeyName=aws:MultiFactorAuthPresent,ContextKeyValues=TRUE,ContextKeyType=boolean");

        // AWS reads a boolean context value in any case; the Bool operator compares "true" exactly.
        Assert.Equal("allowed", root.GetProperty("EvaluationResults")[0].GetProperty("EvalDecision").GetString());
    }

    [Fact]
    public void SimulateCustomPolicy_BrokenShorthand_IsAnErrorNamingTheOption()
    {
        var (exit, _, stderr) = Run("--policy-input-list", AllowGet, "--action-names", "s3:GetObject", "--context-entries", "ContextKeyName='aws:x");

        Assert.Equal(2, exit);
        AssertErrorLines(stderr);
        Assert.Contains("--context-entries", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_MaxItemsAndStartingToken_PageAsTheAwsCli()
    {
        // Act
        var first = Results("--policy-input-list", AllowGet, "--action-names", "s3:GetObject", "s3:PutObject", "s3:ListBucket", "--max-items", "2");
        var token = first.GetProperty("NextToken").GetString()!;
        var rest = Results("--policy-input-list", AllowGet, "--action-names", "s3:GetObject", "s3:PutObject", "s3:ListBucket", "--starting-token", token);

        // Assert: the AWS CLI's paging prints NextToken, never the API's IsTruncated.
        Assert.Equal(2, first.GetProperty("EvaluationResults").GetArrayLength());
        Assert.False(first.TryGetProperty("IsTruncated", out _));
        var last = Assert.Single(rest.GetProperty("EvaluationResults").EnumerateArray());
        Assert.Equal("s3:ListBucket", last.GetProperty("EvalActionName").GetString());
        Assert.False(rest.TryGetProperty("NextToken", out _));
    }

    [Fact]
    public void SimulateCustomPolicy_StandardInputTwice_IsUsageError()
    {
        var (exit, _, stderr) = RunWithInput(AllowGet, "--policy-input-list", "-", "--resource-policy", "-", "--action-names", "s3:GetObject");

        Assert.Equal(2, exit);
        AssertErrorLines(stderr);
        Assert.Contains("standard input can be read once", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_BarePathToCliInputJson_SaysToWriteFileScheme()
    {
        // Arrange: the AWS CLI reads a bare value as JSON text, and so does iamgov; the message says how to name the file.
        var path = SimulationCases.TempFile($$"""{"PolicyInputList": [{{JsonSerializer.Serialize(AllowGet)}}], "ActionNames": ["s3:GetObject"]}""", ".json");

        // Act
        var (exit, _, stderr) = Run("--cli-input-json", path);

        // Assert
        Assert.Equal(2, exit);
        AssertErrorLines(stderr);
        Assert.Contains($"write `file://{path}`", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulateCustomPolicy_JsonAndYamlInput_IsUsageError()
    {
        var (exit, stdout, stderr) = Run("--cli-input-json", "{}", "--cli-input-yaml", "{}");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        AssertErrorLines(stderr);
        Assert.Contains("not both", stderr, StringComparison.Ordinal);
    }
}
