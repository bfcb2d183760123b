using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using Governance.Core.Risk;
using TestSupport.Paths;
using static Governance.Core.Tests.Risk.ExposureOrganization;

namespace Governance.Core.Tests.Risk;

/// <summary>The organisation audit as a whole: which principals it audits, the notes it makes, and the demo organisation.</summary>
public sealed class OrganizationAnalyzerTests
{
    [Fact]
    public void Analyze_OrganizationWithAnOutsideAccount_AuditsOnlyMembersPrincipals()
    {
        // Arrange: 444455556666 is in the snapshot (its IAM is known) but not a member.
        const string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole"}]}""";
        var org = new ExposureOrganization().Role(App, "app-role", trust).Role(Outside, "vendor-role", trust);

        // Act
        var audit = org.Audit();

        // Assert
        Assert.Equal(["arn:aws:iam::111111111111:role/app-role"], audit.Principals.Select(static p => p.Arn).ToArray());
        Assert.DoesNotContain(audit.Resources, static r => r.AccountId == Outside);
    }

    [Fact]
    public void Analyze_SingleAccountSnapshot_NotesResourcePoliciesUnknownAndStillReadsTrustPolicies()
    {
        // A single account's IAM has trust policies but no bucket, key or organisation policy.
        const string iam = """
            {"UserDetailList":[],"GroupDetailList":[],"Policies":[],"RoleDetailList":[{"Path":"/","RoleName":"vendor","RoleId":"AROAVENDOR","Arn":"arn:aws:iam::111111111111:role/vendor",
              "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole"}]},
              "RolePolicyList":[],"AttachedManagedPolicies":[],"Tags":[]}]}
            """;
        var snapshot = OrganizationSnapshot.SingleAccount(App, AccountSnapshotReader.Read(iam).Snapshot!);

        var audit = OrganizationAnalyzer.Analyze(snapshot, new RiskAnalysisOptions(AsOf));

        Assert.Equal([OrganizationAnalyzer.ResourcePoliciesUnknown], audit.Notes.ToArray());
        var finding = Assert.Single(FindingsOf(audit, "vendor"));
        Assert.Equal(RiskSeverity.Medium, finding.Severity);
        Assert.StartsWith("Account 444455556666 (another account) can assume it", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_DemoOrganization_FindsOnlyTheContractorsTrust()
    {
        // policies/demo-org (its README): every bucket, key and catalog grant names a member account or this organisation,
        // org-trail's grants name CloudTrail, DataAllowList replaces FullAWSAccess on OU Data; only etl-runner's
        // ContractorDebugging statement admits an outside account (444455556666), with no sts:ExternalId, and the RCP
        // DenyOutsidePrincipals does not cover STS.
        var snapshot = OrganizationSnapshotReader.Read(Path.Combine(RepositoryPaths.Policies, "demo-org")).Snapshot!;

        var audit = OrganizationAnalyzer.Analyze(snapshot, new RiskAnalysisOptions(AsOf));

        var resource = Assert.Single(audit.Resources);
        Assert.Equal(("etl-runner", ResourceKind.Role), (resource.Name, resource.Kind));
        var finding = Assert.Single(resource.Findings);
        Assert.Equal(RiskSeverity.Medium, finding.Severity);
        Assert.Equal("ContractorDebugging", Assert.Single(finding.Evidence).Sid);
    }

    [Fact]
    public void Analyze_OnePrincipal_ReportsItsFindingsWithoutResources()
    {
        var org = new ExposureOrganization().Role(App, "admin", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}""", FullAccess);

        var audit = OrganizationAnalyzer.Analyze(org.Build(), new RiskAnalysisOptions(AsOf, "arn:aws:iam::111111111111:role/admin"));

        Assert.Single(audit.Principals);
        Assert.Empty(audit.Resources);
    }
    [Fact]
    public void Analyze_PolicyThatDoesNotParse_IsNoted()
    {
        // The snapshot keeps a policy that does not parse, marked; the audit must not read it as absent without saying so.
        var snapshot = OrganizationSnapshotReader.Read(TestData.Path("organizations", "unparsable-policy")).Snapshot!;

        var audit = OrganizationAnalyzer.Analyze(snapshot, new RiskAnalysisOptions(AsOf));

        Assert.Contains(audit.Notes, static n => n.Contains("did not parse", StringComparison.Ordinal));
    }
    [Fact]
    public void Analyze_ExportHoldingAnotherAccountsRole_ReadsTheRolesAccountFromItsArn()
    {
        // The role is 222222222222's and trusts its own account: nothing outside, although the export was read as 111111111111's.
        const string iam = """
            {"UserDetailList":[],"GroupDetailList":[],"Policies":[],"RoleDetailList":[{"Path":"/","RoleName":"own","RoleId":"AROAOWN","Arn":"arn:aws:iam::222222222222:role/own",
              "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"sts:AssumeRole"}]},
              "RolePolicyList":[],"AttachedManagedPolicies":[],"Tags":[]}]}
            """;
        var snapshot = OrganizationSnapshot.SingleAccount(App, AccountSnapshotReader.Read(iam).Snapshot!);

        var audit = OrganizationAnalyzer.Analyze(snapshot, new RiskAnalysisOptions(AsOf));

        Assert.Empty(audit.Resources);
        Assert.Single(audit.Principals);
    }
}
