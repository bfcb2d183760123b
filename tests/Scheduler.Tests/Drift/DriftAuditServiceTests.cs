using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Scheduler.Tests.Infrastructure;
using TestSupport.Files;
using TestSupport.Paths;

namespace Scheduler.Tests.Drift;

/// <summary>The service's drift audit given the guardrails folder: the organisation copy's SCPs and RCPs are compared too.</summary>
public sealed class DriftAuditServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_RepositoryGuardrails_NoGuardrailDriftAgainstTheDemoCopy()
    {
        // Arrange: the harness seeds the copy with the demo organisation, which policies/guardrails/ describes
        await using var harness = await SchedulerHarness.StartAsync(Start);

        // Act
        var report = await RunAsync(harness, Path.Combine(RepositoryPaths.Policies, "guardrails"));

        // Assert
        Assert.Contains(report.Findings, static f => f.Kind == DriftKind.PolicyDrift); // the roles are still audited
        Assert.DoesNotContain(report.Findings, static f => f.Kind.ConcernsGuardrail);
    }

    [Fact]
    public async Task RunAsync_GuardrailsFolderWithoutTheRcp_UnmanagedGuardrailFromTheCopy()
    {
        // Arrange: a guardrails folder holding every SCP but not the RCP the copy has
        await using var harness = await SchedulerHarness.StartAsync(Start);
        using var folder = TempFolder.Create();
        Directory.CreateDirectory(Path.Combine(folder, "scp"));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Policies, "guardrails", "scp")))
        {
            File.Copy(file, Path.Combine(folder, "scp", Path.GetFileName(file)));
        }

        // Act
        var report = await RunAsync(harness, folder);

        // Assert
        var finding = Assert.Single(report.Findings, static f => f.Kind.ConcernsGuardrail);
        Assert.Equal((DriftKind.UnmanagedGuardrail, "rcp/DenyOutsidePrincipals"), (finding.Kind, finding.Principal));
        Assert.DoesNotContain((await RunAsync(harness, null)).Findings, static f => f.Kind.ConcernsGuardrail);
    }

    /// <summary>Metrics no pipeline listens to: this test reads the report, not the counters.</summary>
    private static readonly Governance.Core.Telemetry.GovernanceMetrics Metrics = new(null, null);

    private static async Task<DriftReport> RunAsync(SchedulerHarness harness, string? guardrails)
    {
        await using var db = harness.CreateContext();
        var service = new DriftAuditService(db, new DriftReportRepository(db), harness.Organization,
            new RolesAsCodeFolder(Path.Combine(RepositoryPaths.Policies, "roles")), new DriftReportStore(Path.Combine(harness.DataDirectory, "reports")), harness.Time,
            new Governance.Core.Exclusions.ExclusionsFile(Path.Combine(harness.DataDirectory, "no-exclusions.json")), Metrics);
        return await service.RunAsync(guardrails, CancellationToken.None);
    }
}
