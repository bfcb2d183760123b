using Governance.Core.Accounts.Organization;
using Governance.Core.Drift;
using Governance.Core.Drift.Guardrails;
using Governance.Core.Drift.Records;
using Governance.Core.Risk;
using Governance.Core.Tests.Drift.Guardrails;
using PolicyEngine.Analysis;
using static Governance.Core.Tests.Drift.DriftTestAccount;

namespace Governance.Core.Tests.Drift;

public sealed class DriftAuditTests
{
    private const string Shadow = "arn:aws:iam::111122223333:role/shadow-admin";
    private static readonly string Admin = Policy("*", "*");

    [Fact]
    public void Run_FirstAudit_NewRiskAgainstCodeNoDeltaAndABaselineOfEveryPrincipal()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)), AccountRole("shadow-admin", ("admin", Admin)));

        // Act
        var report = DriftAudit.Run(Guid.NewGuid(), desired, actual, Now, previous: null);

        // Assert
        Assert.Null(report.Previous);
        Assert.Empty(report.AccessDelta);
        Assert.Contains(report.Findings, static f => f is { Kind: DriftKind.NewRisk, Principal: Shadow, Severity: RiskSeverity.Critical });
        Assert.Equal<string>([Analyst, Shadow], report.Baseline.Principals.Select(static p => p.Principal).Order(StringComparer.Ordinal));
        Assert.Contains(report.Baseline.Risks, static r => r is { Principal: Shadow, Category: FindingCategory.AdminEquivalent });
    }

    [Fact]
    public void Run_WithTheOrganisation_ResourceExposureIsARiskNewOnceThenCarriedInTheBaseline()
    {
        // Arrange: the demo organisation, whose etl-runner role trusts the contractor's account 444455556666 (outside the
        // organisation) without an ExternalId: a role assumable from outside (policies/demo-org/README.md)
        var organization = OrganizationSnapshotReader.ReadFolder(Path.Combine(TestSupport.Paths.RepositoryPaths.Policies, "demo-org")).Snapshot!;
        var actual = new Governance.Core.Accounts.AccountState(organization.Contents.Where(static c => c.Iam is not null).Select(static c => c.Iam!));
        var desired = Desired();
        const string EtlRunner = "arn:aws:iam::111122223333:role/etl-runner";

        // Act
        var first = DriftAudit.Run(Guid.NewGuid(), desired, actual, Now.AddDays(-1), previous: null, organization);
        var second = DriftAudit.Run(Guid.NewGuid(), desired, actual, Now, first, organization);

        // Assert
        Assert.Contains(first.Baseline.Risks, static r => r is { Principal: EtlRunner, Category: FindingCategory.OutsideAccess });
        Assert.Contains(first.Findings, static f => f is { Kind: DriftKind.NewRisk, Principal: EtlRunner });
        Assert.DoesNotContain(second.Findings, static f => f is { Kind: DriftKind.NewRisk, Principal: EtlRunner });
        Assert.Contains(second.Baseline.Risks, static r => r is { Principal: EtlRunner, Category: FindingCategory.OutsideAccess });
    }

    [Fact]
    public void Run_RiskAlreadyInPreviousReport_NotNewRiskAgain()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)), AccountRole("shadow-admin", ("admin", Admin)));
        var previous = DriftAudit.Run(Guid.NewGuid(), desired, actual, Now.AddDays(-1), previous: null);

        // Act
        var report = DriftAudit.Run(Guid.NewGuid(), desired, actual, Now, previous);

        // Assert
        Assert.Equal(new PreviousAudit(previous.Id, previous.RanAt), report.Previous);
        Assert.DoesNotContain(report.Findings, static f => f.Kind == DriftKind.NewRisk);
        Assert.Contains(report.Findings, static f => f is { Kind: DriftKind.UnmanagedPrincipal, Principal: Shadow }); // drift is reported every night
        Assert.Empty(report.AccessDelta);
    }

    [Fact]
    public void Run_RiskCodeGivesAppearedSincePreviousReport_NewRiskOnlyAgainstThePrevious()
    {
        // Arrange: code makes the analyst an administrator; the account caught up since the last run
        var desired = Desired(Role("analyst", ("admin", Admin)));
        var before = State(AccountRole("analyst", ("read-lake", ReadLake)));
        var after = State(AccountRole("analyst", ("admin", Admin)));
        var previous = DriftAudit.Run(Guid.NewGuid(), desired, before, Now.AddDays(-1), previous: null);

        // Act
        var first = DriftAudit.Run(Guid.NewGuid(), desired, after, Now, previous: null);
        var since = DriftAudit.Run(Guid.NewGuid(), desired, after, Now, previous);

        // Assert
        Assert.DoesNotContain(first.Findings, static f => f.Kind == DriftKind.NewRisk);
        var risk = Assert.Single(since.Findings, static f => f.Kind == DriftKind.NewRisk && f.Detail.StartsWith("AdminEquivalent", StringComparison.Ordinal));
        Assert.Equal(Analyst, risk.Principal);
        Assert.EndsWith("not in the previous audit (2026-11-24 03:00 UTC)", risk.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RiskSeverityRoseOrFell_NewOnlyWhenItRose()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)), AccountRole("shadow-admin", ("admin", Admin)));
        var seen = DriftAudit.Run(Guid.NewGuid(), desired, actual, Now.AddDays(-1), previous: null);
        Assert.NotEmpty(seen.Baseline.Risks);
        var worse = seen with { Baseline = seen.Baseline with { Risks = [.. seen.Baseline.Risks.Select(static r => r with { Severity = RiskSeverity.Critical })] } };
        var milder = seen with { Baseline = seen.Baseline with { Risks = [.. seen.Baseline.Risks.Select(static r => r with { Severity = RiskSeverity.Low })] } };

        // Act
        var afterWorse = DriftAudit.Run(Guid.NewGuid(), desired, actual, Now, worse);
        var afterMilder = DriftAudit.Run(Guid.NewGuid(), desired, actual, Now, milder);

        // Assert
        Assert.DoesNotContain(afterWorse.Findings, static f => f.Kind == DriftKind.NewRisk);
        Assert.Equal(seen.Baseline.Risks.Count(static r => r.Severity > RiskSeverity.Low), afterMilder.Findings.Count(static f => f.Kind == DriftKind.NewRisk));
    }

    [Fact]
    public void Run_PoliciesChangedSincePreviousReport_AccessDeltaPerPrincipalByDecision()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var before = State(AccountRole("analyst", ("read-lake", ReadLake)), AccountRole("old-etl", ("read-lake", ReadLake)));
        var after = State(
            AccountRole("analyst", ("read-lake", ReadLake), ("cleanup", Policy("s3:DeleteObject", "arn:aws:s3:::lake/*"))),
            AccountRole("new-etl", ("write", Policy("s3:PutObject", "arn:aws:s3:::lake/*"))));
        var previous = DriftAudit.Run(Guid.NewGuid(), desired, before, Now.AddDays(-1), previous: null);

        // Act
        var report = DriftAudit.Run(Guid.NewGuid(), desired, after, Now, previous);

        // Assert
        var byPrincipal = report.AccessDelta.ToDictionary(static d => d.Principal, StringComparer.Ordinal);
        Assert.Equal(3, byPrincipal.Count);
        var analyst = byPrincipal[Analyst];
        Assert.Equal(PrincipalChange.Changed, analyst.Change);
        var deleted = Assert.Single(analyst.Actions);
        Assert.Equal((AccessChangeKind.Added, "s3:DeleteObject"), (deleted.Kind, deleted.Action));
        Assert.Equal<string>(["arn:aws:s3:::lake/*"], deleted.Resources);
        Assert.Equal(PrincipalChange.Added, byPrincipal["arn:aws:iam::111122223333:role/new-etl"].Change);
        var gone = byPrincipal["arn:aws:iam::111122223333:role/old-etl"];
        Assert.Equal(PrincipalChange.Removed, gone.Change);
        Assert.All(gone.Actions, static a => Assert.Equal(AccessChangeKind.Removed, a.Kind));
        Assert.Equal<string>(["s3:GetObject", "s3:ListBucket"], gone.Actions.Select(static a => a.Action));
    }

    [Fact]
    public void Run_StatementsReorderedSincePreviousReport_NoAccessDelta()
    {
        // Arrange: the texts differ, the decisions do not
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var previous = DriftAudit.Run(Guid.NewGuid(), desired, State(AccountRole("analyst", ("read-lake", ReadLake))), Now.AddDays(-1), previous: null);

        // Act
        var report = DriftAudit.Run(Guid.NewGuid(), desired, State(AccountRole("analyst", ("read-lake", ReadLakeReordered))), Now, previous);

        // Assert
        Assert.NotEqual(previous.Baseline.Principals[0].Policies[0].Document, report.Baseline.Principals[0].Policies[0].Document);
        Assert.Empty(report.AccessDelta);
    }

    [Fact]
    public void Run_OrganizationGiven_GuardrailFindingsFollowThePrincipals()
    {
        // Arrange: code keeps one deny SCP the organisation lacks
        var desired = Desired(Role("analyst", ("read-lake", ReadLake))) with
        {
            Guardrails = [new GuardrailDefinition("deny-leave", OrganizationPolicyType.ServiceControlPolicy,
                """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}""", null)],
        };
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)), AccountRole("shadow-admin", ("admin", Admin)));
        var organization = new GuardrailTestOrganization().Build();

        // Act
        var report = DriftAudit.Run(Guid.NewGuid(), desired, actual, Now, previous: null, organization);

        // Assert
        Assert.Equal((DriftKind.MissingGuardrail, "scp/deny-leave", RiskSeverity.High), (report.Findings[^1].Kind, report.Findings[^1].Principal, report.Findings[^1].Severity));
        Assert.All(report.Findings.SkipLast(1), static f => Assert.False(f.Kind.ConcernsGuardrail));
        Assert.DoesNotContain(DriftAudit.Run(Guid.NewGuid(), desired, actual, Now, previous: null).Findings, static f => f.Kind.ConcernsGuardrail);
    }
}
