using Governance.Core.Risk;
using static Governance.Core.Tests.Risk.ExposureOrganization;

namespace Governance.Core.Tests.Risk;

/// <summary>
/// KMS key exposure, derived from the KMS developer guide: a key policy statement naming an account (<c>:root</c>)
/// delegates to that account's IAM, which then decides who may use the key (key-policy-default.html,
/// key-policy-modifying-external-accounts.html); RCPs do not apply to AWS managed keys (resource-control-policies.html).
/// </summary>
public sealed partial class ExposureScanTests
{
    private const string KeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";

    private static string KeyPolicy(string principal) => $$"""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Owner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"kms:*","Resource":"*"},
          {"Sid":"Shared","Effect":"Allow","Principal":{"AWS":"{{principal}}"},"Action":["kms:Decrypt","kms:DescribeKey"],"Resource":"*"}]}
        """;

    private const string DenyOutsideKms = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"kms:*","Resource":"*",
          "Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-exposure0001"}}}]}
        """;

    [Fact]
    public void Analyze_KeyDelegatingOnlyToItsOwnAccount_HasNoFinding()
    {
        var org = new ExposureOrganization().Key(App, KeyId, KeyPolicy("arn:aws:iam::111111111111:root"));

        Assert.Empty(FindingsOf(org.Audit(), KeyId));
    }

    [Fact]
    public void Analyze_KeyDelegatingToAnOutsideAccount_IsMediumKeyDelegation()
    {
        // The Shared statement names 444455556666's root: that account's IAM decides who may decrypt.
        var org = new ExposureOrganization().Key(App, KeyId, KeyPolicy("arn:aws:iam::444455556666:root"));

        var finding = Assert.Single(FindingsOf(org.Audit(), KeyId));

        Assert.Equal(FindingCategory.KeyDelegation, finding.Category);
        Assert.Equal(RiskSeverity.Medium, finding.Severity);
        Assert.Equal(["kms:Decrypt", "kms:DescribeKey"], finding.Actions.ToArray());
        Assert.Equal("Shared", Assert.Single(finding.Evidence).Sid);
        Assert.Contains("account 444455556666 (outside the organisation)", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_KeyDelegatingToAnotherMemberAccount_IsLowKeyDelegation()
    {
        var org = new ExposureOrganization().Key(App, KeyId, KeyPolicy("222222222222"));

        var finding = Assert.Single(FindingsOf(org.Audit(), KeyId));

        Assert.Equal((FindingCategory.KeyDelegation, RiskSeverity.Low), (finding.Category, finding.Severity));
    }

    [Fact]
    public void Analyze_KeyNamingOneOutsideRole_IsOutsideAccessNotDelegation()
    {
        // A role named by ARN is one principal, not the account's IAM as a whole.
        var org = new ExposureOrganization().Key(App, KeyId, KeyPolicy("arn:aws:iam::444455556666:role/vendor-reader"));

        var finding = Assert.Single(FindingsOf(org.Audit(), KeyId));

        Assert.Equal((FindingCategory.OutsideAccess, RiskSeverity.Medium), (finding.Category, finding.Severity));
        Assert.Equal("arn:aws:iam::444455556666:role/vendor-reader", finding.Path[0]);
    }

    [Fact]
    public void Analyze_RcpDenyingOutsidePrincipals_BlocksTheCustomerKeysDelegation()
    {
        var org = new ExposureOrganization().Key(App, KeyId, KeyPolicy("arn:aws:iam::444455556666:root")).Rcp("DenyOutsideKms", DenyOutsideKms, Root);

        Assert.Empty(FindingsOf(org.Audit(), KeyId));
    }

    [Fact]
    public void Analyze_RcpDenyingOutsidePrincipals_DoesNotApplyToAnAwsManagedKey()
    {
        var org = new ExposureOrganization().Key(App, KeyId, KeyPolicy("arn:aws:iam::444455556666:root"), awsManaged: true)
            .Rcp("DenyOutsideKms", DenyOutsideKms, Root);

        Assert.Equal(FindingCategory.KeyDelegation, Assert.Single(FindingsOf(org.Audit(), KeyId)).Category);
    }
    [Theory]
    [InlineData("", true)]
    [InlineData(""","Condition":{"ArnLike":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:eu-west-1:111111111111:log-group:*"}}""", false)]
    public void Analyze_KeyGrantingCloudWatchLogs_IsOutsideUnlessTheEncryptionContextPinsTheLogGroups(string condition, bool outside)
    {
        // CloudWatch Logs sets kms:EncryptionContext:aws:logs:arn to the log group it encrypts for (CloudWatch Logs user
        // guide, encrypt-log-data-kms): pinned to this account's log groups, no other account's can use the key.
        var policy = $$"""
            {"Version":"2012-10-17","Statement":[{"Sid":"Logs","Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},
              "Action":["kms:Encrypt","kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*"{{condition}}}]}
            """;
        var org = new ExposureOrganization().Key(App, KeyId, policy);

        Assert.Equal(outside, FindingsOf(org.Audit(), KeyId).Any(static f => f.Path[0] == "logs.eu-west-1.amazonaws.com"));
    }
}
