using System.Diagnostics;
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

        // Act
        var smallTime = Time(() => Core.Risk.AccountAnalyzer.Analyze(small, new(LabAudit.AsOf)));
        var largeTime = Time(() => Core.Risk.AccountAnalyzer.Analyze(large, new(LabAudit.AsOf)));

        // Assert
        output.WriteLine($"200 roles: {smallTime} ms; 800 roles: {largeTime} ms; ratio {(double)largeTime / smallTime:F2}");
        Assert.True(largeTime < smallTime * 8, $"4x the roles took {(double)largeTime / smallTime:F1}x the time; linear growth is about 4x");
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

    private static long Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.ElapsedMilliseconds;
    }
}
