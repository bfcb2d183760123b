using System.Text.Json;
using PolicyEngine.Catalog;
using TestSupport.Cli;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Access;

public sealed class WhatCanCommandTests
{
    private static readonly string Example = TestData.Account("cloudsplaining-example.json");
    private static readonly string DemoOrg = Path.Combine(RepositoryPaths.Policies, "demo-org");

    [Fact]
    public void WhatCan_NotActionGrant_ListsEveryIamActionExceptTheExcludedPatterns()
    {
        // fn4-exploitableNotAction: Allow NotAction [iam:Update*, iam:Create*, iam:Attach*] on *.
        var (code, stdout, _) = CliRunner.Run("what-can", "fn4-exploitableNotAction-role", "--service", "iam", "--account", Example, "--output", "json");

        Assert.Equal(0, code);
        var actions = Actions(stdout);
        var expected = ActionCatalog.Default.Expand("iam:*").Select(a => a.FullName)
            .Where(a => !a.StartsWith("iam:Update", StringComparison.Ordinal) && !a.StartsWith("iam:Create", StringComparison.Ordinal)
                && !a.StartsWith("iam:Attach", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, actions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WhatCan_GroupGrant_GroupsByAccessLevelAsTheCatalogueDoes()
    {
        // privesc-sre-user gets s3:* on * from its group's privesc-sre-admin-policy.
        var (code, stdout, _) = CliRunner.Run("what-can", "user/privesc-sre-user", "--service", "s3", "--account", Example, "--output", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var s3 = Assert.Single(json.RootElement.GetProperty("services").EnumerateArray());
        foreach (var level in s3.GetProperty("levels").EnumerateArray())
        {
            var accessLevel = Enum.Parse<AccessLevel>(level.GetProperty("accessLevel").GetString()!);
            foreach (var action in level.GetProperty("actions").EnumerateArray())
            {
                Assert.True(ActionCatalog.Default.TryGetAction(action.GetProperty("action").GetString()!, out var info));
                Assert.Equal(info!.AccessLevel, accessLevel);
            }
        }
        Assert.Equal(ActionCatalog.Default.Expand("s3:*").Length, json.RootElement.GetProperty("actionCount").GetInt32());
    }

    [Fact]
    public void WhatCan_ResourceFilter_DecidesOnThatArnOnly()
    {
        // biden's AWSLambdaFullAccess allows s3:* on *. On an object ARN only actions whose resource type is the
        // object are listed: s3:ListBucket acts on the bucket type (arn:aws:s3:::BUCKET), which cannot name an object.
        var (code, stdout, _) = CliRunner.Run("what-can", "user/biden", "--service", "s3", "--resource", "arn:aws:s3:::lake-raw/a.parquet",
            "--account", Example, "--output", "json");

        Assert.Equal(0, code);
        var actions = Actions(stdout);
        Assert.Contains("s3:GetObject", actions);
        Assert.Contains("s3:DeleteObject", actions);
        Assert.DoesNotContain("s3:ListBucket", actions);
    }

    [Fact]
    public void WhatCan_UnknownService_SuggestsTheNearestOne()
    {
        var (code, _, stderr) = CliRunner.Run("what-can", "user/biden", "--service", "s4", "--account", Example);

        Assert.Equal(2, code);
        Assert.Contains("unknown service `s4`", stderr, StringComparison.Ordinal);
        Assert.Contains("s3", stderr, StringComparison.Ordinal);
    }

    private static List<string> Actions(string stdout)
    {
        using var json = JsonDocument.Parse(stdout);
        return [.. json.RootElement.GetProperty("services").EnumerateArray()
            .SelectMany(s => s.GetProperty("levels").EnumerateArray())
            .SelectMany(l => l.GetProperty("actions").EnumerateArray())
            .Select(a => a.GetProperty("action").GetString()!)];
    }
    [Fact]
    public void WhatCan_OrgGlueEtl_ListsTheLakeObjectsEachDecidedWithItsBucketPolicy()
    {
        // Derived by hand in Governance.Core.Tests' OrganizationWhatCanTests: glue-etl reads lake-raw's objects and reads
        // and writes lake-curated's, both sides allowing across accounts.
        var (code, stdout, _) = CliRunner.Run("what-can", "role/glue-etl", "--org", DemoOrg, "--service", "s3",
            "--context", "aws:SecureTransport=true", "--context", "aws:RequestedRegion=eu-west-1", "--output", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var resources = json.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(static r => r.GetProperty("resource").GetString()!);
        Assert.Equal("777788889999", resources["arn:aws:s3:::lake-raw/*"].GetProperty("account").GetString());
        Assert.Equal("Objects", resources["arn:aws:s3:::lake-raw/*"].GetProperty("kind").GetString());
        Assert.Equal(1, resources["arn:aws:s3:::lake-raw/*"].GetProperty("actionCount").GetInt32());
        Assert.Equal(2, resources["arn:aws:s3:::lake-curated/*"].GetProperty("actionCount").GetInt32());
    }

    [Fact]
    public void WhatCan_OrgText_NamesTheResourcesSection()
    {
        var (code, stdout, _) = CliRunner.Run("what-can", "--as", "role/contractor-support", "--org", DemoOrg);

        Assert.Equal(0, code);
        Assert.Contains("on 1 resource the snapshot holds", stdout, StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::111122223333:role/etl-runner (Role, account 111122223333)", stdout, StringComparison.Ordinal);
    }
    [Fact]
    public void WhatCan_AccountWithResourcePolicyGiven_ListsOnlyTheOwnSideAndSaysWhy()
    {
        // A resource policy given by hand is one resource's; without --resource it cannot stand for every role's trust.
        using var folder = TempFolder.Create();
        var policy = Path.Combine(folder, "policy.json");
        File.WriteAllText(policy, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}""");

        var (code, stdout, _) = CliRunner.Run("what-can", "user/obama", "--account", Example, "--resource-policy", policy, "--output", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Empty(json.RootElement.GetProperty("resources").EnumerateArray());
        Assert.Contains(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("a resource policy was given", StringComparison.Ordinal));
    }
    [Fact]
    public void WhatCan_PrincipalTwice_ExitsTwo()
    {
        var (code, _, stderr) = CliRunner.Run("what-can", "role/glue-etl", "--as", "role/glue-etl", "--org", DemoOrg);

        Assert.Equal(2, code);
        Assert.Contains("needs the principal once", stderr, StringComparison.Ordinal);
    }
}
