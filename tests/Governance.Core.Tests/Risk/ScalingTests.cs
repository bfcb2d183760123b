using TestSupport.Accounts;
using Xunit.Abstractions;

namespace Governance.Core.Tests.Risk;

public sealed class ScalingTests(ITestOutputHelper output)
{
    [Fact]
    public void Analyze_GeneratedAccounts_CostGrowsLinearly()
    {
        // Arrange
        var small = LabAudit.State(GeneratedAccount.Json(200));
        var large = LabAudit.State(GeneratedAccount.Json(800));
        LabAudit.Audit(GeneratedAccount.Json(50));

        // Act: the work measured as bytes allocated, which a loaded machine does not change as it changes time
        // (timings belong to bench/ and tools/drift-scale, not to a unit test).
        // One thread, so that this thread's allocations are the analysis's.
        var options = new Core.Risk.RiskAnalysisOptions(LabAudit.AsOf) { Parallelism = 1 };
        var smallCost = Allocated(() => Core.Risk.AccountAnalyzer.Analyze(small, options));
        var largeCost = Allocated(() => Core.Risk.AccountAnalyzer.Analyze(large, options));

        // Assert
        output.WriteLine($"200 roles: {smallCost} bytes; 800 roles: {largeCost} bytes; ratio {(double)largeCost / smallCost:F2}");
        Assert.True(largeCost < smallCost * 8, $"4x the roles took {(double)largeCost / smallCost:F1}x the allocations; linear growth is about 4x");
    }

    [Fact]
    public void Analyze_GeneratedAccount_FindsAdministratorsAndChains()
    {
        // Arrange
        var audit = LabAudit.Audit(GeneratedAccount.Json(200));

        // Act
        var admins = audit.Principals.Count(p => p.Has(Core.Risk.FindingCategory.AdminEquivalent));
        var role13 = Assert.Single(audit.Principals, p => p.Name == "role-13");

        // Assert
        Assert.Equal(4, admins);
        Assert.Contains(role13.Findings, f => f.PathId == "sts-assume-role");
    }

    /// <summary>
    /// Bytes this thread allocates in <paramref name="action"/>: the analysis runs on the calling thread, and the
    /// process-wide count would also take in whatever tests run beside it in parallel.
    /// </summary>
    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
