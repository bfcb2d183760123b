using System.Text.Json;
using TestSupport.Cli;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Access;

public sealed class WhoCanCommandTests
{
    private static readonly string Example = TestData.Account("cloudsplaining-example.json");
    private static readonly string DemoOrg = Path.Combine(RepositoryPaths.Policies, "demo-org");

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
    [Fact]
    public void WhoCan_OrgGetObjectOnLakeRaw_ListsThePrincipalsWithTheirLayers()
    {
        // Derived by hand in Governance.Core.Tests' OrganizationWhoCanTests: glue-etl across accounts (ReadRaw and the
        // bucket's GlueEtlReadsRaw), the producer's lake-admin and OrganizationAccountAccessRole in its own account.
        var (code, stdout, _) = CliRunner.Run("who-can", "s3:GetObject", "arn:aws:s3:::lake-raw/x", "--org", DemoOrg,
            "--context", "aws:SecureTransport=true", "--context", "aws:RequestedRegion=eu-west-1", "--output", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var principals = json.RootElement.GetProperty("principals").EnumerateArray().ToList();
        Assert.Equal(
            ["arn:aws:iam::111122223333:role/service-role/glue-etl", "arn:aws:iam::777788889999:role/OrganizationAccountAccessRole", "arn:aws:iam::777788889999:role/lake-admin"],
            principals.Select(static p => p.GetProperty("arn").GetString()));
        Assert.Equal("allowed by both the caller's policies and the resource policy", principals[0].GetProperty("summary").GetString());
        Assert.Contains(principals[0].GetProperty("grantedBy").EnumerateArray(), s => s.GetProperty("sid").GetString() == "GlueEtlReadsRaw");
        Assert.False(principals[0].GetProperty("outside").GetBoolean());
    }

    [Fact]
    public void WhoCan_OrgBucketPolicyNamesAnAccountNotHeld_ListsItOutsideWithItsSideAssumed()
    {
        // vendor-trust: app-reports' PartnerReads grants arn:aws:iam::444455556666:role/partner-reader, whose account is
        // in no folder; no RCP applies. The app account's reader and vendor-access allow themselves app-reports/*.
        var (code, stdout, _) = CliRunner.Run("who-can", "s3:GetObject", "arn:aws:s3:::app-reports/r.csv",
            "--org", TestData.Path("organizations", "vendor-trust"));

        Assert.Equal(0, code);
        Assert.Contains("3 of 3 principals may s3:GetObject", stdout, StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::444455556666:role/partner-reader (outside; its own policies unknown)", stdout, StringComparison.Ordinal);
        Assert.Contains("its own account's policies are unknown (assumed to allow); the resource side allows: the bucket policy of `app-reports` grants it (Sid `PartnerReads`, line 1)",
            stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void WhoCan_OrgWithScp_ExitsTwoNamingBoth()
    {
        var (code, _, stderr) = CliRunner.Run("who-can", "s3:GetObject", "arn:aws:s3:::lake-raw/x", "--org", DemoOrg, "--scp", DemoOrg);

        Assert.Equal(2, code);
        Assert.Contains("`--scp` and `--org` exclude each other", stderr, StringComparison.Ordinal);
    }
}
