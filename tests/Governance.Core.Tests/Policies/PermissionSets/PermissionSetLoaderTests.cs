using Governance.Core.Policies;
using Governance.Core.Policies.PermissionSets;
using PolicyEngine.Catalog;
using TestSupport.Paths;

namespace Governance.Core.Tests.Policies.PermissionSets;

public sealed class PermissionSetLoaderTests
{
    private static string RepositoryPolicies() => RepositoryPaths.Policies;

    [Fact]
    public void Load_RepositoryPolicies_AreValid()
    {
        // Act
        var policies = GovernancePolicies.Load(RepositoryPolicies());

        // Assert
        var names = policies.PermissionSets.All.Select(s => s.Name).ToList();
        Assert.Contains("lake-read", names);
        Assert.Contains("lake-write", names);
        Assert.DoesNotContain("lake-write", policies.ApprovalRules.AutoApprovePermissionSets);
        Assert.Equal(1, policies.PermissionSets.Find("lake-write")!.ApprovalsRequired);
    }

    [Fact]
    public void Read_InvalidSet_ReportsEveryProblemWithItsPath()
    {
        // Arrange
        const string json = """
            {"name":"Bad Name","description":"","statements":[{"actions":["s3:GetObjekt","s3:*"],"resources":["{{bucketz}}"]}],
             "allowedResources":["lake-*"],"maxDurationHours":1000,"approvalsRequired":1,"requesterRoles":["root"],"extra":1}
            """;
        var errors = new List<PolicyFileError>();

        // Act
        var set = PermissionSetLoader.Read("bad.json", json, ActionCatalog.Default, errors);

        // Assert
        Assert.Null(set);
        var paths = errors.Select(e => e.JsonPath).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "name", "description", "statements[0].actions[0]", "statements[0].actions[1]", "statements[0].resources[0]",
            "allowedResources[0]", "maxDurationHours", "requesterRoles[0]", "extra",
        }, paths);
        Assert.Contains(errors, e => e.Message.Contains("did you mean", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderPolicy_S3Placeholders_FillBucketAndObjects()
    {
        // Arrange
        var set = new PermissionSet("t", "d",
            [new PermissionSetStatement("L", ["s3:ListBucket"], [ResourcePlaceholders.Bucket]),
             new PermissionSetStatement("G", ["s3:GetObject"], [ResourcePlaceholders.Objects])],
            [new ResourcePattern("arn:aws:s3:::lake-*")], 4, 1, ["engineer"]);

        // Act
        var policy = set.RenderPolicy(["arn:aws:s3:::lake-a", "arn:aws:s3:::lake-b/2024/*"]);

        // Assert
        Assert.Contains("\"Resource\":[\"arn:aws:s3:::lake-a\",\"arn:aws:s3:::lake-b\"]", policy, StringComparison.Ordinal);
        Assert.Contains("\"Resource\":[\"arn:aws:s3:::lake-a/*\",\"arn:aws:s3:::lake-b/2024/*\"]", policy, StringComparison.Ordinal);
    }
}
