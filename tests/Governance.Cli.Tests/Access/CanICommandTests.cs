using System.Text.Json;
using System.Text.Json.Nodes;
using TestSupport.Cli;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Access;

/// <summary>
/// Answers checked by hand against the policies of the shared exports (the IAM Vulnerable lab account).
/// Evaluation rules: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
/// </summary>
public sealed class CanICommandTests : IDisposable
{
    private static readonly string Example = TestData.Account("cloudsplaining-example.json");
    private readonly List<string> _temporaryFiles = [];

    [Fact]
    public void CanI_UserAllowedOnlyThroughItsGroup_SaysYesAndNamesTheGroupPolicy()
    {
        // privesc-sre-user has no policy of its own; its group privesc-sre-group carries
        // privesc-sre-admin-policy: Allow iam:*, ec2:*, s3:* on *.
        var (code, stdout, _) = CliRunner.Run("can-i", "ec2:RunInstances", "*", "--as", "user/privesc-sre-user", "--account", Example, "--explain");

        Assert.Equal(0, code);
        Assert.StartsWith("yes", stdout, StringComparison.Ordinal);
        Assert.Contains("group/privesc-sre-group/privesc-sre-admin-policy", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_RoleWithDenyAllInAnotherAttachedPolicy_SaysNoWithExplicitDeny()
    {
        // fp2-allow-and-deny-multiple-policies-role: fp2-allow-all allows; deny-all (Action *, Resource *) denies.
        var (code, stdout, _) = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::any-bucket/key", "--as", "fp2-allow-and-deny-multiple-policies-role",
            "--account", Example, "--output", "json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("ExplicitDeny", json.RootElement.GetProperty("decision").GetString());
        var denying = Assert.Single(json.RootElement.GetProperty("decidingStatements").EnumerateArray());
        Assert.Equal("deny-all", denying.GetProperty("policy").GetString());
    }

    [Fact]
    public void CanI_NotActionGrant_AllowsWhatItDoesNotListAndNothingItLists()
    {
        // fn4-exploitableNotAction: Allow NotAction [iam:Update*, iam:Create*, iam:Attach*] on *.
        var allowed = CliRunner.Run("can-i", "iam:PutRolePolicy", "arn:aws:iam::200611803367:role/x", "--as", "fn4-exploitableNotAction-role", "--account", Example);
        var listed = CliRunner.Run("can-i", "iam:CreateAccessKey", "arn:aws:iam::200611803367:user/x", "--as", "fn4-exploitableNotAction-role", "--account", Example);

        Assert.Equal((0, "yes"), (allowed.ExitCode, allowed.Stdout.Trim()));
        Assert.Equal(1, listed.ExitCode);
        Assert.Equal("no - no identity-based or resource-based policy allows the request", listed.Stdout.Trim());
    }

    [Fact]
    public void CanI_ManagedPolicy_UsesTheDefaultVersionOnly()
    {
        // AWSCodeCommitPowerUser v11 (default) adds codeguru-reviewer:AssociateRepository, which v10 lacks.
        // Attach it to a role, then make v10 the default: the answer must follow the default version.
        var snapshot = LoadExample();
        AttachManaged(snapshot, "fp3-deny-iam-role", "arn:aws:iam::aws:policy/AWSCodeCommitPowerUser");
        var withV11 = Write(snapshot);
        SetDefaultVersion(snapshot, "AWSCodeCommitPowerUser", "v10");
        var withV10 = Write(snapshot);

        var v11 = CliRunner.Run("can-i", "codeguru-reviewer:AssociateRepository", "*", "--as", "fp3-deny-iam-role", "--account", withV11);
        var v10 = CliRunner.Run("can-i", "codeguru-reviewer:AssociateRepository", "*", "--as", "fp3-deny-iam-role", "--account", withV10);

        Assert.Equal(0, v11.ExitCode);
        Assert.Equal(1, v10.ExitCode);
    }

    [Fact]
    public void CanI_ConditionOnPrincipalTag_FollowsTheRoleTagAndNamesTheMissingKey()
    {
        // A role tagged team=data with a policy allowing the lake only when aws:PrincipalTag/team is data;
        // the same policy on an untagged role fails, and --explain says which key was missing.
        var snapshot = LoadExample();
        const string policy = """{"Version":"2012-10-17","Statement":[{"Sid":"TeamLake","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake-raw/*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}}]}""";
        AddInline(snapshot, "MyRole", "team-lake", policy);
        AddInline(snapshot, "MyOtherRole", "team-lake", policy);
        Role(snapshot, "MyRole")["Tags"] = new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = "data" });
        var file = Write(snapshot);

        var tagged = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-raw/a.parquet", "--as", "MyRole", "--account", file);
        var untagged = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-raw/a.parquet", "--as", "MyOtherRole", "--account", file, "--explain");

        Assert.Equal(0, tagged.ExitCode);
        Assert.Equal(1, untagged.ExitCode);
        Assert.Contains("TeamLake", untagged.Stdout, StringComparison.Ordinal);
        Assert.Contains("the request lacked: aws:PrincipalTag/team", untagged.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_ContextSuppliedOnTheCommandLine_SatisfiesTheCondition()
    {
        var snapshot = LoadExample();
        AddInline(snapshot, "MyOtherRole", "mfa-only",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}""");
        var file = Write(snapshot);

        var without = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::b/k", "--as", "MyOtherRole", "--account", file);
        var with = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::b/k", "--as", "MyOtherRole", "--account", file, "--context", "aws:MultiFactorAuthPresent=true");

        Assert.Equal(1, without.ExitCode);
        Assert.Equal(0, with.ExitCode);
    }

    [Theory]
    [InlineData("s3:GetObjekt", "*", "user/biden", "did you mean s3:GetObject")]
    [InlineData("s3:Get*", "*", "user/biden", "wildcard")]
    [InlineData("GetObject", "*", "user/biden", "service:Action")]
    [InlineData("s3:GetObject", "lake-raw", "user/biden", "is not an ARN")]
    [InlineData("s3:GetObject", "*", "user/bidn", "arn:aws:iam::012345678901:user/biden")]
    public void CanI_BadQuestion_ExitsTwoWithAClearError(string action, string resource, string principal, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run("can-i", action, resource, "--as", principal, "--account", Example);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_MissingOrBrokenSnapshot_ExitsTwoNamingTheFile()
    {
        var broken = Write("{\"UserDetailList\": [");
        var notAnExport = Write("""{"Version":"2012-10-17","Statement":[]}""");

        var missing = CliRunner.Run("can-i", "s3:GetObject", "*", "--as", "x", "--account", "/nonexistent/account.json");
        var invalid = CliRunner.Run("can-i", "s3:GetObject", "*", "--as", "x", "--account", broken);
        var wrongShape = CliRunner.Run("can-i", "s3:GetObject", "*", "--as", "x", "--account", notAnExport);

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("/nonexistent/account.json: no such file", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("invalid JSON", invalid.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, wrongShape.ExitCode);
        Assert.Contains("get-account-authorization-details", wrongShape.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_AssumeRoleAcrossLoadedAccounts_UsesTheTargetRolesTrustPolicy()
    {
        // privesc-AssumeRole-intermediate-role's trust policy names the starting role; the starting role's policy
        // allows sts:AssumeRole. An unrelated role with AdministratorAccess is not trusted, so it is refused:
        // trust policies must allow explicitly (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html).
        var target = "arn:aws:iam::200611803367:role/privesc-AssumeRole-intermediate-role";
        var trusted = CliRunner.Run("can-i", "sts:AssumeRole", target, "--as", "privesc-AssumeRole-starting-role", "--account", Example, "--explain");
        var admin = CliRunner.Run("can-i", "sts:AssumeRole", target, "--as", "OrganizationAccountAccessRole", "--account", Example, "--explain");

        Assert.Equal(0, trusted.ExitCode);
        Assert.Equal(1, admin.ExitCode);
        Assert.Contains("trust policy", admin.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_ScpLevelsFromFiles_EveryLevelMustAllow()
    {
        // OrganizationAccountAccessRole has AdministratorAccess. Root allows everything, the OU level allows only s3:
        // EC2 is refused at the OU level, S3 passes. https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
        var root = Write("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
        var ou = Write("""[{"Version":"2012-10-17","Statement":[{"Sid":"OnlyS3","Effect":"Allow","Action":"s3:*","Resource":"*"}]}]""");

        var ec2 = CliRunner.Run("can-i", "ec2:RunInstances", "*", "--as", "OrganizationAccountAccessRole", "--account", Example,
            "--scp", root, "--scp", ou, "--output", "json");
        var s3 = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-raw/a", "--as", "OrganizationAccountAccessRole", "--account", Example,
            "--scp", root, "--scp", ou);

        Assert.Equal(1, ec2.ExitCode);
        using var json = JsonDocument.Parse(ec2.Stdout);
        Assert.Equal("ServiceControlPolicyDoesNotAllow", json.RootElement.GetProperty("reason").GetString());
        Assert.Equal(0, s3.ExitCode);
    }

    [Fact]
    public void CanI_ResourcePolicyNamingTheRole_AllowsWithoutAnIdentityGrant()
    {
        // Same account: a bucket policy naming the role ARN allows on its own when no boundary or session policy applies.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
        var bucketPolicy = Write("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::012345678901:role/MyOtherRole"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::shared-bucket/*"}]}""");

        var without = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::shared-bucket/a", "--as", "MyOtherRole", "--account", Example);
        var with = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::shared-bucket/a", "--as", "MyOtherRole", "--account", Example,
            "--resource-policy", bucketPolicy, "--explain");

        Assert.Equal(1, without.ExitCode);
        Assert.Equal(0, with.ExitCode);
        Assert.Contains("resource policy", with.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_BucketInAnotherAccount_NeedsTheBucketPolicyToo()
    {
        // obama (account 012345678901) has AdministratorAccess. A bucket owned by 200611803367 is cross-account:
        // the bucket policy must allow the caller as well. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
        var bucketPolicy = Write("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"012345678901"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::partner-bucket/*"}]}""");
        string[] question = ["can-i", "s3:GetObject", "arn:aws:s3:::partner-bucket/a", "--as", "user/obama", "--account", Example, "--resource-account", "200611803367"];

        var without = CliRunner.Run([.. question, "--output", "json"]);
        var with = CliRunner.Run([.. question, "--resource-policy", bucketPolicy]);
        var sameAccount = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::partner-bucket/a", "--as", "user/obama", "--account", Example);

        Assert.Equal(1, without.ExitCode);
        using var json = JsonDocument.Parse(without.Stdout);
        Assert.Equal("CrossAccountResourcePolicyDoesNotAllow", json.RootElement.GetProperty("reason").GetString());
        Assert.Equal(0, with.ExitCode);
        Assert.Equal(0, sameAccount.ExitCode);
    }

    [Fact]
    public void CanI_MalformedScpFile_ExitsTwoNamingTheLine()
    {
        var scp = Write("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allw\", \"Action\": \"*\", \"Resource\": \"*\"}]\n}");

        var (code, _, stderr) = CliRunner.Run("can-i", "s3:GetObject", "*", "--as", "MyRole", "--account", Example, "--scp", scp);

        Assert.Equal(2, code);
        Assert.Contains(":3:", stderr, StringComparison.Ordinal);
        Assert.Contains("`Allw` is not an effect", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var file in _temporaryFiles)
        {
            File.Delete(file);
        }
    }

    private static JsonObject LoadExample() => JsonNode.Parse(File.ReadAllText(Example))!.AsObject();

    private static JsonObject Role(JsonObject snapshot, string name)
        => snapshot["RoleDetailList"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["RoleName"] == name);

    private static void AttachManaged(JsonObject snapshot, string role, string arn)
        => Role(snapshot, role)["AttachedManagedPolicies"]!.AsArray().Add(new JsonObject { ["PolicyName"] = arn[(arn.LastIndexOf('/') + 1)..], ["PolicyArn"] = arn });

    private static void AddInline(JsonObject snapshot, string role, string name, string document)
        => Role(snapshot, role)["RolePolicyList"]!.AsArray().Add(new JsonObject { ["PolicyName"] = name, ["PolicyDocument"] = JsonNode.Parse(document) });

    private static void SetDefaultVersion(JsonObject snapshot, string policyName, string versionId)
    {
        var policy = snapshot["Policies"]!.AsArray().Select(p => p!.AsObject()).Single(p => (string?)p["PolicyName"] == policyName);
        policy["DefaultVersionId"] = versionId;
        foreach (var version in policy["PolicyVersionList"]!.AsArray())
        {
            version!["IsDefaultVersion"] = (string?)version["VersionId"] == versionId;
        }
    }

    private string Write(JsonObject snapshot) => Write(snapshot.ToJsonString());

    private string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"iamgov-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        _temporaryFiles.Add(path);
        return path;
    }
}
