using System.Text.Json;
using static Governance.Cli.Tests.Simulation.SimulateCustomPolicyRunner;

namespace Governance.Cli.Tests.Simulation;

/// <summary>
/// Every field AWS writes in an EvaluationResult (botocore's IAM model, shapes EvaluationResult and ResourceSpecificResult):
/// per-resource results, the permissions boundary's and the organization's part, and the per-policy-type decisions.
/// </summary>
public sealed class SimulateCustomPolicyOutputTests
{
    private const string Alice = "arn:aws:iam::111122223333:user/alice";
    private const string AllowS3 = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";

    [Fact]
    public void SimulateCustomPolicy_ResourceList_GivesOneResultPerResourceUnderTheAction()
    {
        // Arrange: a deny on one object only.
        var policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/secret"}]}""";

        // Act
        var root = Results("--policy-input-list", policy, "--action-names", "s3:GetObject",
            "--resource-arns", "arn:aws:s3:::lake/a.csv", "arn:aws:s3:::lake/secret", "--caller-arn", Alice);

        // Assert: one result for the action, the most restrictive decision, each resource below it.
        var result = Assert.Single(root.GetProperty("EvaluationResults").EnumerateArray());
        Assert.Equal("explicitDeny", result.GetProperty("EvalDecision").GetString());
        Assert.StartsWith("arn:${Partition}:s3:::", result.GetProperty("EvalResourceName").GetString(), StringComparison.Ordinal);
        var perResource = result.GetProperty("ResourceSpecificResults").EnumerateArray().ToList();
        Assert.Equal(["arn:aws:s3:::lake/a.csv", "arn:aws:s3:::lake/secret"], perResource.Select(static r => r.GetProperty("EvalResourceName").GetString()));
        Assert.Equal(["allowed", "explicitDeny"], perResource.Select(static r => r.GetProperty("EvalResourceDecision").GetString()));
        var deny = perResource[1].GetProperty("MatchedStatements")[0].GetProperty("StartPosition");
        Assert.Equal(policy.IndexOf("{\"Effect\":\"Deny\"", StringComparison.Ordinal) + 1, deny.GetProperty("Column").GetInt32());
        Assert.False(perResource[0].TryGetProperty("EvalDecisionDetails", out _), "same account: a resource's result has no EvalDecisionDetails");
        Assert.False(perResource[0].TryGetProperty("MissingContextValues", out _), "none missing: AWS leaves the list out of a resource's result");
        Assert.Empty(result.GetProperty("EvalDecisionDetails").EnumerateObject());
    }

    [Fact]
    public void SimulateCustomPolicy_BoundaryWithoutTheAction_SaysSoInItsDetail()
    {
        var boundary = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

        var root = Results("--policy-input-list", AllowS3, "--permissions-boundary-policy-input-list", boundary,
            "--action-names", "s3:GetObject", "s3:PutObject");

        var results = root.GetProperty("EvaluationResults");
        Assert.Equal("allowed", results[0].GetProperty("EvalDecision").GetString());
        Assert.True(results[0].GetProperty("PermissionsBoundaryDecisionDetail").GetProperty("AllowedByPermissionsBoundary").GetBoolean());
        Assert.Equal("implicitDeny", results[1].GetProperty("EvalDecision").GetString());
        Assert.False(results[1].GetProperty("PermissionsBoundaryDecisionDetail").GetProperty("AllowedByPermissionsBoundary").GetBoolean());
    }

    [Fact]
    public void SimulateCustomPolicy_NoBoundary_WritesNoBoundaryDetail()
    {
        var root = Results("--policy-input-list", AllowS3, "--action-names", "s3:GetObject");

        Assert.False(root.GetProperty("EvaluationResults")[0].TryGetProperty("PermissionsBoundaryDecisionDetail", out _));
        Assert.False(root.GetProperty("EvaluationResults")[0].TryGetProperty("OrganizationsDecisionDetail", out _));
    }

    [Fact]
    public void SimulateCustomPolicy_CrossAccount_ReportsEachPolicyTypesDecision()
    {
        // Arrange: alice's account allows; the bucket in another account does not name her.
        var bucketPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"s3:GetObject","Resource":"*"}]}""";

        // Act
        var root = Results("--policy-input-list", AllowS3, "--action-names", "s3:GetObject", "--resource-arns", "arn:aws:s3:::their-bucket/k",
            "--resource-policy", bucketPolicy, "--resource-owner", "arn:aws:iam::444455556666:root", "--caller-arn", Alice);

        // Assert
        var result = root.GetProperty("EvaluationResults")[0];
        Assert.Equal("implicitDeny", result.GetProperty("EvalDecision").GetString());
        var details = result.GetProperty("EvalDecisionDetails");
        Assert.Equal("allowed", details.GetProperty("IAM Policy").GetString());
        Assert.Equal("implicitDeny", details.GetProperty("Resource Policy").GetString());
    }

    [Fact]
    public void SimulateCustomPolicy_OrganizationDeny_IsExplicitDenyWithOrganizationsDetail()
    {
        // Arrange: the root's SCP allows everything, the account's denies deletes.
        var rootScp = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
        var accountScp = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}""";
        var input = FileArgument($$"""
            {"PolicyInputList": [{{JsonSerializer.Serialize(AllowS3)}}], "ActionNames": ["s3:GetObject", "s3:DeleteObject"],
             "OrderedOrganizationPolicyInputList": [
               {"ServiceControlPolicyInputList": [{{JsonSerializer.Serialize(rootScp)}}]},
               {"ServiceControlPolicyInputList": [{{JsonSerializer.Serialize(accountScp)}}]}]}
            """);

        // Act
        var results = Results("--cli-input-json", input).GetProperty("EvaluationResults");

        // Assert: SCP statements are not MatchedStatements (AWS's model documentation says so).
        Assert.True(results[0].GetProperty("OrganizationsDecisionDetail").GetProperty("AllowedByOrganizations").GetBoolean());
        Assert.Equal("explicitDeny", results[1].GetProperty("EvalDecision").GetString());
        Assert.False(results[1].GetProperty("OrganizationsDecisionDetail").GetProperty("AllowedByOrganizations").GetBoolean());
        Assert.Equal(0, results[1].GetProperty("MatchedStatements").GetArrayLength());
    }

    [Fact]
    public void SimulateCustomPolicy_MissingKeysOfEachResource_AreListedThereAndAtTheTop()
    {
        var policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"s3:prefix":"a"}}}]}""";

        var result = Results("--policy-input-list", policy, "--action-names", "s3:GetObject", "--resource-arns", "arn:aws:s3:::lake/a")
            .GetProperty("EvaluationResults")[0];

        Assert.Equal("s3:prefix", result.GetProperty("ResourceSpecificResults")[0].GetProperty("MissingContextValues")[0].GetString());
        Assert.Equal("s3:prefix", result.GetProperty("MissingContextValues")[0].GetString());
    }
}
