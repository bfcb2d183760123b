using Governance.Core.Accounts.Organization;
using Governance.Core.Risk;
using static Governance.Core.Tests.Risk.ExposureOrganization;

namespace Governance.Core.Tests.Risk;

/// <summary>
/// Bucket exposure, each expectation derived by hand from AWS's documents: S3's definition of a public policy and Block
/// Public Access (PublicAccessBlockConfiguration, S3 API reference: "RestrictPublicBuckets … public and cross-account access
/// within any public bucket policy, including non-public delegation to specific accounts, is blocked"; "BlockPublicPolicy …
/// doesn't affect existing bucket policies"), cross-account evaluation (reference_policies_evaluation-logic-cross-account.html)
/// and RCP evaluation (orgs_manage_policies_rcps_evaluation.html: RCPs do not apply to the management account).
/// </summary>
public sealed partial class ExposureScanTests
{
    private const string PublicRead = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}
        """;

    private const string DenyOutsidePrincipals = """
        {"Version":"2012-10-17","Statement":[{"Sid":"DenyOutside","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*",
          "Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-exposure0001"},"BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}]}
        """;

    private static readonly PublicAccessBlock NoBlock = new(false, false, false, false);

    [Fact]
    public void Analyze_PublicReadBucketWithoutBlock_IsHighForAnyoneWithTheStatement()
    {
        // Arrange: Principal "*" with no condition grants s3:GetObject on every object: public by S3's definition.
        var org = new ExposureOrganization().Bucket(App, "reports", PublicRead, NoBlock);

        // Act
        var finding = Assert.Single(FindingsOf(org.Audit(), "reports"));

        // Assert
        Assert.Equal(FindingCategory.OutsideAccess, finding.Category);
        Assert.Equal(RiskSeverity.High, finding.Severity);
        Assert.StartsWith("Anyone outside the organisation can s3:GetObject", finding.Title, StringComparison.Ordinal);
        Assert.Equal(["s3:GetObject"], finding.Actions.ToArray());
        Assert.Equal(["*", "arn:aws:s3:::reports"], finding.Path.ToArray());
        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal(("PublicRead", 2), (evidence.Sid, evidence.Line));
    }

    [Fact]
    public void Analyze_PublicBucketWithRestrictPublicBuckets_HasNoFinding()
    {
        // RestrictPublicBuckets limits a bucket with a public policy to the owner's account and AWS services.
        var org = new ExposureOrganization().Bucket(App, "reports", PublicRead, new PublicAccessBlock(false, false, false, RestrictPublicBuckets: true));

        Assert.Empty(FindingsOf(org.Audit(), "reports"));
    }

    [Fact]
    public void Analyze_PublicBucketOfAnAccountWithRestrictPublicBuckets_HasNoFinding()
    {
        // S3 applies "the most restrictive combination" of the account's and the bucket's settings
        // (S3 User Guide, access-control-block-public-access.html): the account's RestrictPublicBuckets covers the bucket.
        var org = new ExposureOrganization().Bucket(App, "reports", PublicRead, NoBlock)
            .AccountBlock(App, new PublicAccessBlock(false, false, false, RestrictPublicBuckets: true));

        Assert.Empty(FindingsOf(org.Audit(), "reports"));
    }

    [Fact]
    public void Analyze_PublicBucketWithBlockPublicPolicyOnly_StaysHighAndSaysWhy()
    {
        // BlockPublicPolicy refuses PutBucketPolicy calls with a public policy; one already in place still applies.
        var org = new ExposureOrganization().Bucket(App, "reports", PublicRead, new PublicAccessBlock(true, true, BlockPublicPolicy: true, false));

        var finding = Assert.Single(FindingsOf(org.Audit(), "reports"));

        Assert.Equal(RiskSeverity.High, finding.Severity);
        Assert.Contains("BlockPublicPolicy is on, but it only refuses new public policies", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_RestrictPublicBucketsOnAPublicPolicy_AlsoBlocksTheAccountItNames()
    {
        // The public statement makes the whole policy public, so RestrictPublicBuckets also blocks the named account's grant.
        const string policy = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"},
              {"Sid":"Vendor","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::reports/*"}]}
            """;
        var org = new ExposureOrganization().Bucket(App, "reports", policy, new PublicAccessBlock(false, false, false, RestrictPublicBuckets: true));

        Assert.Empty(FindingsOf(org.Audit(), "reports"));
    }

    [Fact]
    public void Analyze_OutsideAccountNamedWithRestrictPublicBuckets_IsMediumAsThePolicyIsNotPublic()
    {
        // A grant to one fixed account is not public, so RestrictPublicBuckets leaves it; the account is outside the organisation.
        const string policy = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Vendor","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":["s3:GetObject","s3:ListBucket"],
               "Resource":["arn:aws:s3:::reports","arn:aws:s3:::reports/*"]}]}
            """;
        var org = new ExposureOrganization().Bucket(App, "reports", policy, new PublicAccessBlock(true, true, true, true));

        var finding = Assert.Single(FindingsOf(org.Audit(), "reports"));

        Assert.Equal(RiskSeverity.Medium, finding.Severity);
        Assert.Equal(["s3:GetObject", "s3:ListBucket"], finding.Actions.ToArray());
        Assert.Equal("arn:aws:iam::444455556666:root", finding.Path[0]);
        Assert.Contains("its own IAM decides", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_StarWithThisOrganizationsPrincipalOrgId_IsNotOutside()
    {
        // aws:PrincipalOrgID equal to this organisation's id: only member accounts' principals carry it.
        const string policy = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*",
              "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-exposure0001"}}}]}
            """;
        var org = new ExposureOrganization().Bucket(App, "reports", policy, NoBlock);

        Assert.Empty(FindingsOf(org.Audit(), "reports"));
    }

    [Fact]
    public void Analyze_StarWithAnotherOrganizationsPrincipalOrgId_IsMediumForThatOrganization()
    {
        // A fixed aws:PrincipalOrgID of another organisation: not anyone, but every principal of that organisation.
        const string policy = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*",
              "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-partner00001"}}}]}
            """;
        var org = new ExposureOrganization().Bucket(App, "reports", policy, NoBlock);

        var finding = Assert.Single(FindingsOf(org.Audit(), "reports"));

        Assert.Equal(RiskSeverity.Medium, finding.Severity);
        Assert.StartsWith("Principals of organisation `o-partner00001` can s3:GetObject", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_RcpDenyingOutsidePrincipals_BlocksThePublicBucket()
    {
        // The RCP denies s3:* to callers whose aws:PrincipalOrgID is not this organisation's (or who carry none).
        var org = new ExposureOrganization().Bucket(App, "reports", PublicRead, NoBlock).Rcp("DenyOutside", DenyOutsidePrincipals, Root);

        Assert.Empty(FindingsOf(org.Audit(), "reports"));
    }

    [Fact]
    public void Analyze_RcpDenyingOutsidePrincipals_DoesNotProtectTheManagementAccountsBucket()
    {
        // RCPs do not affect the management account's resources.
        var org = new ExposureOrganization().Bucket(Management, "reports", PublicRead, NoBlock).Rcp("DenyOutside", DenyOutsidePrincipals, Root);

        Assert.Equal(RiskSeverity.High, Assert.Single(FindingsOf(org.Audit(), "reports")).Severity);
    }

    [Fact]
    public void Analyze_PublicPutBucketPolicy_IsCritical()
    {
        // s3:PutBucketPolicy is permissions management: anyone may rewrite the bucket's policy.
        const string policy = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:PutBucketPolicy","Resource":"arn:aws:s3:::reports"}]}
            """;
        var org = new ExposureOrganization().Bucket(App, "reports", policy, NoBlock);

        Assert.Equal(RiskSeverity.Critical, Assert.Single(FindingsOf(org.Audit(), "reports")).Severity);
    }

    [Theory]
    [InlineData("""{"Bool":{"aws:SecureTransport":"true"}}""", true)]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""", false)]
    [InlineData("""{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""", true)]
    [InlineData("""{"StringEquals":{"aws:SourceVpce":"vpce-0123456789abcdef0"}}""", false)]
    [InlineData("""{"StringLike":{"aws:PrincipalTag/team":"*"}}""", true)]
    public void Analyze_StarWithACondition_IsPublicUnlessItFixesWhoOrWhere(string condition, bool isPublic)
    {
        // S3's definition: fixed aws:SourceIp CIDRs or aws:SourceVpce keep a grant from being public; TLS, a NotIpAddress
        // exclusion or the caller's own tags do not, as any caller can meet them.
        var policy = $$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*",
              "Condition":{{condition}}}]}
            """;
        var org = new ExposureOrganization().Bucket(App, "reports", policy, NoBlock);

        Assert.Equal(isPublic, FindingsOf(org.Audit(), "reports").Any(static f => f.Severity == RiskSeverity.High));
    }

    [Fact]
    public void Analyze_PublicGrantOnAPrefix_IsFoundOnThatPrefix()
    {
        const string policy = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/public/*"}]}
            """;
        var org = new ExposureOrganization().Bucket(App, "reports", policy, NoBlock);

        Assert.Equal(RiskSeverity.High, Assert.Single(FindingsOf(org.Audit(), "reports")).Severity);
    }

    [Fact]
    public void Analyze_MemberAccountsRoleNamed_IsNotOutside()
    {
        const string policy = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::222222222222:root","arn:aws:iam::111111111111:role/reader"]},
              "Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}
            """;
        var org = new ExposureOrganization().Bucket(App, "reports", policy, NoBlock);

        Assert.Empty(FindingsOf(org.Audit(), "reports"));
    }
    [Fact]
    public void Analyze_DenyMakingAPublicPolicyNonPublic_LiftsRestrictPublicBucketsFromTheNamedAccount()
    {
        // RestrictPublicBuckets blocks the named account only while the policy is public; a Deny to every outside
        // principal on s3:GetObject leaves no public grant, so the block lifts and 444455556666's s3:PutObject applies.
        const string policy = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"},
              {"Sid":"Vendor","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::reports/*"},
              {"Sid":"NoOutsideReads","Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*",
               "Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-exposure0001"}}}]}
            """;
        var org = new ExposureOrganization().Bucket(App, "reports", policy, new PublicAccessBlock(true, true, true, RestrictPublicBuckets: true));

        var finding = Assert.Single(FindingsOf(org.Audit(), "reports"));

        Assert.Equal(["s3:PutObject"], finding.Actions.ToArray());
        Assert.Equal("Vendor", Assert.Single(finding.Evidence).Sid);
    }
}
