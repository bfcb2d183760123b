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
}
