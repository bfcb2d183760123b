using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Risk;
using TestSupport.Paths;

namespace TestSupport.Reports;

/// <summary>The reports of the repository's demo organisation (<c>policies/demo-org</c>), built once for the tests that render them.</summary>
public static class DemoReports
{
    /// <summary>The time the demo audits are made at.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<OrganizationSnapshot> LazySnapshot = new(static () =>
    {
        var read = OrganizationSnapshotReader.Read(Path.Combine(RepositoryPaths.Policies, "demo-org"));
        return read.Snapshot ?? throw new InvalidOperationException(string.Join("; ", read.Errors));
    });

    private static readonly Lazy<AccountRisks> LazyRisk = new(static () => OrganizationAnalyzer.Analyze(LazySnapshot.Value, new RiskAnalysisOptions(AsOf)));

    private static readonly Lazy<DriftReport> LazyDrift = new(static () =>
    {
        var (roles, errors) = RoleDefinitionLoader.LoadDirectory(Path.Combine(RepositoryPaths.Policies, "roles"));
        if (!errors.IsEmpty)
        {
            throw new InvalidOperationException(string.Join("; ", errors));
        }
        var read = AccountSnapshotReader.Read(File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "demo-account.json")));
        return DriftAudit.Run(new Guid("6f1d0c1e-0000-4000-8000-000000000001"), new DesiredState(roles, []), new AccountState([read.Snapshot!]), AsOf, previous: null);
    });

    /// <summary>The organisation snapshot.</summary>
    public static OrganizationSnapshot Snapshot => LazySnapshot.Value;

    /// <summary>The risk audit of the demo organisation, as <c>iamgov audit --org policies/demo-org</c> makes it.</summary>
    public static AccountRisks RiskAudit => LazyRisk.Value;

    /// <summary>The drift audit of the demo account against <c>policies/roles</c>: a first audit, with findings.</summary>
    public static DriftReport Drift => LazyDrift.Value;

    /// <summary>Four earlier nightly runs for the drift report's chart, oldest first.</summary>
    public static IReadOnlyList<DriftReportSummary> DriftHistory { get; } =
    [
        new(Guid.NewGuid(), AsOf.AddDays(-4), 3, 0, 1, 2, 0),
        new(Guid.NewGuid(), AsOf.AddDays(-3), 5, 1, 1, 2, 1),
        new(Guid.NewGuid(), AsOf.AddDays(-2), 9, 2, 2, 4, 1),
        new(Guid.NewGuid(), AsOf.AddDays(-1), 12, 3, 2, 6, 1),
    ];
}
