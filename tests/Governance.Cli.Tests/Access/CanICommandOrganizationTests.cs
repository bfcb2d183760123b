using System.Text.Json;
using TestSupport.Cli;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Access;

/// <summary>
/// <c>can-i --org</c> on <c>policies/demo-org</c>, each answer derived by hand from the demo's policies (its README lists
/// them) and the evaluation rules: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
/// and reference_policies_evaluation-logic-cross-account.html. Every request gives the region and TLS a real one carries,
/// as the root's `region-lock` SCP denies requests outside eu-west-1/eu-central-1.
/// </summary>
public sealed class CanICommandOrganizationTests
{
    private static readonly string DemoOrg = Path.Combine(RepositoryPaths.Policies, "demo-org");
    private static readonly string DemoAccount = Path.Combine(RepositoryPaths.Policies, "demo-account.json");

    [Fact]
    public void CanI_DataEngineerReadsLakeRawOverTls_SaysNoAsItsOwnPoliciesDoNotGrantIt()
    {
        // lake-raw is the producer's (777788889999); its bucket policy grants data-engineer s3:GetObject (DataEngineersRead),
        // TLS passes DenyInsecureTransport, the region passes region-lock, DataAllowList allows s3:*, and the RCP's
        // aws:PrincipalOrgID matches. But cross-account the caller's own policies must allow too, and data-engineer's
        // (lake-sandbox-access, DataEngineerBase) name only lake-sandbox, Glue, Athena and logs: implicit deny.
        var (code, stdout, _) = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-raw/events/a.json", "--as", "role/data-engineer",
            "--org", DemoOrg, "--context", "aws:SecureTransport=true", "--context", "aws:RequestedRegion=eu-west-1", "--explain");

        Assert.Equal(1, code);
        Assert.Contains("cross-account: the policies of `arn:aws:iam::111122223333:role/data-engineer` in account 111122223333", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_DataEngineerReadsLakeRawWithoutTls_SaysNoNamingTheBucketPolicyDeny()
    {
        // aws:SecureTransport false matches lake-raw's DenyInsecureTransport: an explicit deny, whatever else allows.
        var (code, stdout, _) = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-raw/events/a.json", "--as", "role/data-engineer",
            "--org", DemoOrg, "--context", "aws:SecureTransport=false", "--context", "aws:RequestedRegion=eu-west-1", "--explain");

        Assert.Equal(1, code);
        Assert.Contains("denied by bucket policy of `lake-raw` (resource policy) Sid `DenyInsecureTransport`", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_CrossAccountReadOfAPublicBucketWithRestrictPublicBuckets_SaysNoNamingBlockPublicAccess()
    {
        // tests/data/organizations/public-bucket: app-restricted's policy lets anyone read (public), and the bucket turns
        // RestrictPublicBuckets on, so only its own account and AWS services keep that grant (S3 User Guide,
        // access-control-block-public-access.html); mgmt-reader is of the other account, though its own policy allows.
        var (code, stdout, _) = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::app-restricted/report.csv",
            "--as", "arn:aws:iam::123456789012:role/mgmt-reader", "--org", TestData.Path("organizations", "public-bucket"), "--explain");

        Assert.Equal(1, code);
        Assert.Contains("S3 Block Public Access", stdout, StringComparison.Ordinal);
        Assert.Contains("RestrictPublicBuckets", stdout, StringComparison.Ordinal);
        Assert.Contains("grant set aside: bucket policy of `app-restricted` (resource policy) Sid `PublicRead`", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_DataEngineerReadsItsOwnSandboxOverTls_SaysYes()
    {
        // Same account (lake-sandbox is 111122223333's): lake-sandbox-access allows s3:GetObject on lake-sandbox/*, the
        // boundary DataPlatformBoundary allows s3:*, every SCP level allows s3 (FullAWSAccess; DataAllowList on Data),
        // and the bucket policy's only statement denies non-TLS requests.
        var (code, stdout, _) = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-sandbox/notes.txt", "--as", "role/data-engineer",
            "--org", DemoOrg, "--context", "aws:SecureTransport=true", "--context", "aws:RequestedRegion=eu-west-1");

        Assert.Equal(0, code);
        Assert.StartsWith("yes", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_SingleAccountFileAsOrg_AnswersAndNotesResourcePoliciesUnknown()
    {
        // One account's file is an organisation of one: no SCPs, and the answer says resource policies are unknown.
        var (code, stdout, _) = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-sandbox/notes.txt", "--as", "role/data-engineer",
            "--org", DemoAccount, "--explain");

        Assert.Equal(0, code);
        Assert.Contains("resource policies unknown", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_OrgWithAccount_ExitsTwoNamingBoth()
    {
        var (code, _, stderr) = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-raw/a", "--as", "role/data-engineer",
            "--org", DemoOrg, "--account", DemoAccount);

        Assert.Equal(2, code);
        Assert.Contains("`--account` and `--org` exclude each other", stderr, StringComparison.Ordinal);
    }
    [Fact]
    public void CanI_OrgJson_CarriesTheSummaryNamingTheLayer()
    {
        // As CanI_DataEngineerReadsLakeRawWithoutTls_…: lake-raw's DenyInsecureTransport denies; the JSON carries the same sentence.
        var (code, stdout, _) = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-raw/events/a.json", "--as", "role/data-engineer",
            "--org", DemoOrg, "--context", "aws:SecureTransport=false", "--context", "aws:RequestedRegion=eu-west-1", "--output", "json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.StartsWith("the bucket policy of `lake-raw` denies (Sid `DenyInsecureTransport`", json.RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("known", json.RootElement.GetProperty("callerPolicies").GetString());
    }

    [Fact]
    public void CanI_UnknownOutsideRoleReadsLakeCurated_SaysNoFromTheRcpWithTheCaveatInTheReason()
    {
        // 333344445555 is in no folder of the demo: its role's own policies are unknown. lake-curated's RCP
        // DenyOutsidePrincipals denies s3:* to principals without the organisation's aws:PrincipalOrgID, which an
        // account outside it lacks (StringNotEqualsIfExists is true when the key is absent): a definite no.
        var (code, stdout, _) = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-curated/a.json", "--as", "arn:aws:iam::333344445555:role/x",
            "--org", DemoOrg, "--context", "aws:SecureTransport=true", "--context", "aws:RequestedRegion=eu-west-1");

        Assert.Equal(1, code);
        Assert.StartsWith("no - its own account's policies are unknown; the resource side denies: RCP `DenyOutsidePrincipals`", stdout, StringComparison.Ordinal);
        Assert.Single(stdout.TrimEnd().Split('\n')); // the reason is the caveat: one line, not told twice
    }

    [Fact]
    public void CanI_UnknownOutsideRoleAssumesRoleWithExternalId_YesWithTheCaveatOnlyWithTheKey()
    {
        // vendor-trust: app's vendor-access trusts 333344445555 on condition of sts:ExternalId ext-4711; that account's
        // IAM is not in the folder. Without the key StringEquals is false: no. With it the trust policy (the resource side)
        // allows, FullAWSAccess is the only SCP and applies to the caller's account only if it were a member: yes, assumed.
        var org = TestData.Path("organizations", "vendor-trust");
        string[] ask = ["can-i", "sts:AssumeRole", "arn:aws:iam::111111111111:role/vendor-access", "--as", "arn:aws:iam::333344445555:role/vendor", "--org", org];

        var without = CliRunner.Run(ask);
        var with = CliRunner.Run([.. ask, "--context", "sts:ExternalId=ext-4711", "--output", "json"]);

        Assert.Equal(1, without.ExitCode);
        Assert.Contains("the trust policy of role `vendor-access` does not grant 333344445555", without.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, with.ExitCode);
        using var json = JsonDocument.Parse(with.Stdout);
        Assert.Equal("assumed", json.RootElement.GetProperty("callerPolicies").GetString());
        Assert.StartsWith("its own account's policies are unknown (assumed to allow); the resource side allows: the trust policy of role `vendor-access` grants it",
            json.RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_UnknownCallerAboutItsOwnAccount_ExitsTwo()
    {
        var (code, _, stderr) = CliRunner.Run("can-i", "sqs:SendMessage", "arn:aws:sqs:eu-west-1:333344445555:q", "--as", "arn:aws:iam::333344445555:role/x",
            "--org", DemoOrg);

        Assert.Equal(2, code);
        Assert.Contains("neither side of this request is known", stderr, StringComparison.Ordinal);
    }
    [Fact]
    public void CanI_UnknownAccountByIdAssumesRoleWithExternalId_YesWithTheCaveat()
    {
        // An account id names the account as a whole (arn:aws:iam::333344445555:root), which is what the trust policy names.
        var (code, stdout, _) = CliRunner.Run("can-i", "sts:AssumeRole", "arn:aws:iam::111111111111:role/vendor-access", "--as", "333344445555",
            "--org", TestData.Path("organizations", "vendor-trust"), "--context", "sts:ExternalId=ext-4711");

        Assert.Equal(0, code);
        Assert.StartsWith("yes", stdout, StringComparison.Ordinal);
        Assert.Contains("caveat: its own account's policies are unknown (assumed to allow)", stdout, StringComparison.Ordinal);
    }
    [Fact]
    public void CanI_PlatformAdminFromUsEast1_RegionLockDeniesS3ButNotIam()
    {
        // platform-admin (analytics, AdministratorAccess). The root's region-lock denies every action outside its NotAction
        // list (iam:*, sts:*, organizations:*, ...) when aws:RequestedRegion is not eu-west-1/eu-central-1
        // (orgs_manage_policies_scps_examples_general.html, "Deny access to AWS based on the requested AWS Region"):
        // s3:ListAllMyBuckets from us-east-1 is denied; iam:ListRoles is not covered, and DataAllowList allows iam:*.
        string[] asAdmin = ["--as", "role/platform-admin", "--org", DemoOrg, "--context", "aws:RequestedRegion=us-east-1", "--explain"];

        var s3 = CliRunner.Run(["can-i", "s3:ListAllMyBuckets", "*", .. asAdmin]);
        var iam = CliRunner.Run(["can-i", "iam:ListRoles", "*", .. asAdmin]);

        Assert.Equal(1, s3.ExitCode);
        Assert.Contains("SCP `region-lock` attached to root `Root` denies (Sid `DataStaysInTheEu`", s3.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, iam.ExitCode);
    }
    [Fact]
    public void CanI_ReadAsUnknownOutsideRole_YesWithTheAssumptionWarned()
    {
        // vendor-trust: app-reports is SSE-S3 (no KMS call) and PartnerReads grants 444455556666's partner-reader, whose
        // account is in no folder: the read's one call is allowed on the resource side, its own side assumed.
        var (code, stdout, _) = CliRunner.Run("can-i", "--read", "s3://app-reports/r.csv", "--as", "arn:aws:iam::444455556666:role/partner-reader",
            "--org", TestData.Path("organizations", "vendor-trust"));

        Assert.Equal(0, code);
        Assert.Contains("warning: the policies of account 444455556666 are not in the snapshot", stdout, StringComparison.Ordinal);
    }
}
