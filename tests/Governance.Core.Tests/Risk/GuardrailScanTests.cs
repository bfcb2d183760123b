using Governance.Core.Risk;
using static Governance.Core.Tests.Risk.ExposureOrganization;

namespace Governance.Core.Tests.Risk;

/// <summary>
/// Guardrails that do not hold, derived from AWS Organizations' SCP evaluation (orgs_manage_policies_scps_evaluation.html:
/// every level from the root to the account must allow, a Deny at any level denies, and the policies at one level add
/// up) and the allow-list strategy (DetachPolicy: an allow-list replaces FullAWSAccess; left beside it, nothing is limited).
/// </summary>
public sealed class GuardrailScanTests
{
    private const string ComputeAllowList = """
        {"Version":"2012-10-17","Statement":[{"Sid":"DataServicesOnly","Effect":"Allow","Action":["s3:*","kms:*","glue:*"],"Resource":"*"}]}
        """;

    private const string DenyEc2 = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:*","Resource":"*"}]}""";

    [Fact]
    public void Analyze_AllowListBesideFullAwsAccess_IsNeutralised()
    {
        // OU Workloads holds FullAWSAccess and the allow-list: their allows add up to everything, so ec2 stays allowed.
        var org = new ExposureOrganization().Scp("DataAllowList", ComputeAllowList, Workloads);

        var finding = Assert.Single(FindingsOf(org.Audit(), "DataAllowList"));

        Assert.Equal((FindingCategory.IneffectiveGuardrail, RiskSeverity.Medium), (finding.Category, finding.Severity));
        Assert.Contains("attached to OU `Workloads` blocks nothing there: `FullAWSAccess`", finding.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(finding.Actions, static a => a.StartsWith("s3:", StringComparison.Ordinal));
        Assert.Contains(finding.Evidence, static e => e.Sid == "DataServicesOnly");
    }

    [Fact]
    public void Analyze_AllowListInPlaceOfFullAwsAccess_Holds()
    {
        var org = new ExposureOrganization().WithoutFullAccessOnWorkloads().Scp("DataAllowList", ComputeAllowList, Workloads);

        Assert.Empty(FindingsOf(org.Audit(), "DataAllowList"));
    }

    [Fact]
    public void Analyze_DenyListBesideFullAwsAccess_Holds()
    {
        // A deny-list is meant to stand beside FullAWSAccess: its Deny applies whatever else the level allows.
        var org = new ExposureOrganization().Scp("DenyEc2", DenyEc2, Workloads);

        Assert.Empty(FindingsOf(org.Audit(), "DenyEc2"));
    }

    [Fact]
    public void Analyze_RcpNamingAnotherOrganization_DeniesTheOrganizationsOwnPrincipals()
    {
        // o-typo ≠ o-exposure0001: StringNotEqualsIfExists holds for this organisation's principals too, so the RCP denies
        // them as well as outsiders; naming o-exposure0001 it would deny only outsiders.
        const string rcp = """
            {"Version":"2012-10-17","Statement":[{"Sid":"Perimeter","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*",
              "Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-typo0000001"}}}]}
            """;
        var org = new ExposureOrganization().Rcp("Perimeter", rcp, Root);

        var finding = Assert.Single(FindingsOf(org.Audit(), "Perimeter"));

        Assert.Equal(RiskSeverity.Medium, finding.Severity);
        Assert.Contains("compares aws:PrincipalOrgID with `o-typo0000001`, which is not this organisation (`o-exposure0001`)", finding.Title, StringComparison.Ordinal);
        Assert.Contains("as written it denies `s3:", finding.Title, StringComparison.Ordinal);
        Assert.Contains("naming `o-exposure0001` instead, it would let it through inside and deny it from a principal outside the organisation", finding.Title, StringComparison.Ordinal);
        Assert.Equal(("Perimeter", 1), (Assert.Single(finding.Evidence).Sid, finding.Evidence[0].Line));
    }

    [Fact]
    public void Analyze_ScpOnResourceOrgIdOfAnotherOrganization_IsReported()
    {
        const string scp = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:ResourceOrgID":"o-typo0000001"}}}]}
            """;
        var org = new ExposureOrganization().Scp("StayInside", scp, Root);

        Assert.Contains(FindingsOf(org.Audit(), "StayInside"), static f => f.ConditionKeys.Contains("aws:ResourceOrgID"));
    }

    [Fact]
    public void Analyze_ScpNamingThisOrganization_HasNoFinding()
    {
        const string scp = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:ResourceOrgID":"o-exposure0001"}}}]}
            """;
        var org = new ExposureOrganization().Scp("StayInside", scp, Root);

        Assert.Empty(FindingsOf(org.Audit(), "StayInside"));
    }

    [Fact]
    public void Analyze_PolicyAttachedNowhere_IsLow()
    {
        var org = new ExposureOrganization().Scp("Orphan", DenyEc2);

        var finding = Assert.Single(FindingsOf(org.Audit(), "Orphan"));

        Assert.Equal(RiskSeverity.Low, finding.Severity);
        Assert.Contains("attached to no root, OU or account", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ScpAttachedOnlyToTheManagementAccount_IsLow()
    {
        // SCPs do not affect the management account's users and roles.
        var org = new ExposureOrganization().Scp("ManagementOnly", DenyEc2, AccountTarget(Management));

        Assert.Contains("only to the management account", Assert.Single(FindingsOf(org.Audit(), "ManagementOnly")).Title, StringComparison.Ordinal);
    }
}
