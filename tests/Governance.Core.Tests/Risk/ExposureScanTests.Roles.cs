using Governance.Core.Risk;
using static Governance.Core.Tests.Risk.ExposureOrganization;

namespace Governance.Core.Tests.Risk;

/// <summary>
/// Roles assumable from outside, derived from the IAM user guide: a trust policy naming an account lets that account's
/// IAM decide who may assume the role (id_roles_common-scenarios_aws-accounts.html); <c>sts:ExternalId</c> is what a third
/// party must present, the confused-deputy guard (id_roles_create_for-user_externalid.html).
/// </summary>
public sealed partial class ExposureScanTests
{
    private static string Trust(string principal, string? condition = null) => $$"""
        {"Version":"2012-10-17","Statement":[{"Sid":"Vendor","Effect":"Allow","Principal":{"AWS":"{{principal}}"},"Action":"sts:AssumeRole"{{(condition is null ? "" : $",\"Condition\":{condition}")}}}]}
        """;

    [Fact]
    public void Analyze_RoleTrustingAnOutsideAccount_IsMediumWithoutExternalId()
    {
        var org = new ExposureOrganization().Role(App, "vendor-access", Trust("arn:aws:iam::444455556666:root"));

        var finding = Assert.Single(FindingsOf(org.Audit(), "vendor-access"));

        Assert.Equal((FindingCategory.OutsideAccess, RiskSeverity.Medium), (finding.Category, finding.Severity));
        Assert.Equal("Account 444455556666 (outside the organisation) can assume it, with no sts:ExternalId required", finding.Title);
        Assert.Equal(["sts:AssumeRole"], finding.Actions.ToArray());
    }

    [Fact]
    public void Analyze_RoleTrustingAnOutsideAccountWithExternalId_IsLowAndNamesTheKey()
    {
        var org = new ExposureOrganization().Role(App, "vendor-access",
            Trust("arn:aws:iam::444455556666:root", """{"StringEquals":{"sts:ExternalId":"vendor-7f3a"}}"""));

        var finding = Assert.Single(FindingsOf(org.Audit(), "vendor-access"));

        Assert.Equal(RiskSeverity.Low, finding.Severity);
        Assert.Contains("given the sts:ExternalId", finding.Title, StringComparison.Ordinal);
        Assert.Contains("sts:ExternalId", finding.ConditionKeys);
    }

    [Fact]
    public void Analyze_RoleTrustingAnyone_IsHigh()
    {
        var org = new ExposureOrganization().Role(App, "open-role", Trust("*"));

        Assert.Equal(RiskSeverity.High, Assert.Single(FindingsOf(org.Audit(), "open-role")).Severity);
    }

    [Fact]
    public void Analyze_RoleTrustingAnyoneInThisOrganization_HasNoFinding()
    {
        var org = new ExposureOrganization().Role(App, "org-role", Trust("*", """{"StringEquals":{"aws:PrincipalOrgID":"o-exposure0001"}}"""));

        Assert.Empty(FindingsOf(org.Audit(), "org-role"));
    }

    [Fact]
    public void Analyze_AdministratorRoleTrustingAnOutsideAccount_IsOneSeverityHigher()
    {
        // The role's own policy allows everything: the principal audit finds it admin-equivalent.
        var org = new ExposureOrganization().Role(App, "vendor-admin", Trust("arn:aws:iam::444455556666:root"), FullAccess);

        var finding = Assert.Single(FindingsOf(org.Audit(), "vendor-admin"));

        Assert.Equal(RiskSeverity.High, finding.Severity);
        Assert.EndsWith("the role is an administrator", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_RoleTrustingItsOwnAccountAndAMember_HasNoFinding()
    {
        var org = new ExposureOrganization().Role(App, "inside", Trust("arn:aws:iam::222222222222:root"));

        Assert.Empty(FindingsOf(org.Audit(), "inside"));
    }

    [Fact]
    public void Analyze_ManyExposedResources_ReportedInTheSnapshotsOrder()
    {
        // Arrange: resources are probed in parallel; the report keeps each account's buckets, then its roles, as the snapshot lists them.
        var org = new ExposureOrganization();
        var expected = new List<string>();
        foreach (var account in new[] { App, Data })
        {
            for (var i = 0; i < 20; i++)
            {
                var bucket = $"public-{account}-{i}";
                org.Bucket(account, bucket, $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""");
                expected.Add(bucket);
            }
            for (var i = 0; i < 20; i++)
            {
                org.Role(account, $"vendor-{account}-{i}", Trust("arn:aws:iam::444455556666:root"));
            }
            expected.AddRange(Enumerable.Range(0, 20).Select(i => $"vendor-{account}-{i}"));
        }

        // Act
        var names = org.Audit().Resources.Where(static r => r.Kind is ResourceKind.Bucket or ResourceKind.Role).Select(static r => r.Name);

        // Assert
        Assert.Equal(expected, names);
    }
}
