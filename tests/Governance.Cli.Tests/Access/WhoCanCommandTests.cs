using System.Text.Json;
using TestSupport.Cli;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Access;

public sealed class WhoCanCommandTests
{
    private static readonly string Example = TestData.Account("cloudsplaining-example.json");

    [Fact]
    public void WhoCan_PassRoleOnALabRole_ListsGrantedPrincipalsOnly()
    {
        // Checked by hand: fn1-passrole-star allows iam:PassRole on *; fp1-allow-and-deny allows then denies iam:*;
        // obama (account 012345678901) has AdministratorAccess but the role is in 200611803367 and a role has no
        // resource policy granting other accounts, so cross-account access is refused.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
        var (code, stdout, _) = CliRunner.Run("who-can", "iam:PassRole", "arn:aws:iam::200611803367:role/privesc-high-priv-service-role",
            "--account", Example, "--output", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var arns = json.RootElement.GetProperty("principals").EnumerateArray().Select(p => p.GetProperty("arn").GetString()).ToList();
        Assert.Contains("arn:aws:iam::200611803367:role/fn1-privesc3-partial-role", arns);
        Assert.Contains("arn:aws:iam::200611803367:user/privesc-sre-user", arns);
        Assert.DoesNotContain("arn:aws:iam::200611803367:role/fp1-allow-and-deny-role", arns);
        Assert.DoesNotContain("arn:aws:iam::012345678901:user/obama", arns);
        var fn1 = json.RootElement.GetProperty("principals").EnumerateArray().Single(p => p.GetProperty("arn").GetString()!.EndsWith("/fn1-privesc3-partial-role", StringComparison.Ordinal));
        Assert.Equal("fn1-passrole-star", Assert.Single(fn1.GetProperty("grantedBy").EnumerateArray()).GetProperty("policy").GetString());
    }

    [Fact]
    public void WhoCan_SameAccountAsTheCaller_IncludesAdministrators()
    {
        var (code, stdout, _) = CliRunner.Run("who-can", "s3:DeleteBucket", "arn:aws:s3:::lake-raw", "--account", Example);

        Assert.Equal(0, code);
        // obama's AdministratorAccess applies to an S3 bucket ARN with no account in it: the caller's own account.
        Assert.Contains("arn:aws:iam::012345678901:user/obama", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("fp2-allow-and-deny-multiple-policies-role", stdout, StringComparison.Ordinal);
    }
}
