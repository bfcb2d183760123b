using System.Text.Json;
using Governance.Core.Exclusions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scheduler.Tests.Infrastructure;
using TestSupport.Files;

namespace Scheduler.Tests.Jobs;

/// <summary>The nightly drift audit honours the exclusions file: <c>policies/exclusions.json</c>, read on the job's clock.</summary>
public sealed class DriftAuditJobExclusionsTests : IDisposable
{
    private const string AccessRole = "arn:aws:iam::777788889999:role/OrganizationAccountAccessRole";
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 2, 59, 30, TimeSpan.Zero);
    private static readonly DateTimeOffset Night = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> OnlyDriftAudit = new()
    {
        ["Governance:Scheduler:ExpireGrants:Cron"] = "0 0 0 1 1 ? 2099", // keep the every-minute job out of the way
    };

    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    private static async Task<JsonDocument> NightlyReportAsync(SchedulerHarness harness)
    {
        var firing = await harness.FireAtAsync(Night);
        Assert.Null(firing.Error);
        var report = Assert.Single(Directory.GetFiles(Path.Combine(harness.DataDirectory, "reports"), "drift-20261125T030000Z-*.json"));
        return JsonDocument.Parse(await File.ReadAllTextAsync(report));
    }

    private Action<IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration> WithExclusions(string json)
    {
        var file = Path.Combine(_folder.Path, ExclusionsFile.FileName);
        File.WriteAllText(file, json);
        return (services, _) => services.Replace(ServiceDescriptor.Singleton(new ExclusionsFile(file)));
    }

    [Fact]
    public async Task Execute_PoliciesExclusionsFile_StoredReportListsTheAcceptedRiskApart()
    {
        // Arrange: the repository's policies/exclusions.json accepts OrganizationAccountAccessRole's admin access
        await using var harness = await SchedulerHarness.StartAsync(Start, settings: OnlyDriftAudit);

        // Act
        using var json = await NightlyReportAsync(harness);

        // Assert
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(static f => (Kind: f.GetProperty("kind").GetString(), Principal: f.GetProperty("principal").GetString())).ToList();
        Assert.DoesNotContain(("NewRisk", AccessRole), findings);
        Assert.Contains(("UnmanagedPrincipal", AccessRole), findings);
        var excluded = Assert.Single(json.RootElement.GetProperty("excluded").EnumerateArray());
        Assert.Equal(("NewRisk", AccessRole), (excluded.GetProperty("finding").GetProperty("kind").GetString(), excluded.GetProperty("finding").GetProperty("principal").GetString()));
        var by = excluded.GetProperty("by");
        Assert.Equal(("security-team@example.com", "2027-11-24"), (by.GetProperty("approvedBy").GetString(), by.GetProperty("expires").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(by.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Execute_ExclusionExpiredByTheJobsClock_CountsAgainAndTheReportWarns()
    {
        // Arrange: expired the day before the night's run
        await using var harness = await SchedulerHarness.StartAsync(Start, settings: OnlyDriftAudit, configure: WithExclusions("""
            {"exclusions": [
              {"finding": {"rule": "UnmanagedPrincipal", "principal": "lake-admin"}, "reason": "migrating to code", "approvedBy": "bob", "expires": "2026-11-24"},
              {"finding": {"rule": "UnmanagedPrincipal", "principal": "ingest"}, "reason": "migrating to code", "approvedBy": "bob", "expires": "2026-11-25"}
            ]}
            """));

        // Act
        using var json = await NightlyReportAsync(harness);

        // Assert: ingest's entry holds through its expiry day; lake-admin's ended the day before
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().Select(static f => f.GetProperty("principal").GetString()).ToList();
        Assert.Contains("arn:aws:iam::777788889999:role/lake-admin", findings);
        Assert.DoesNotContain("arn:aws:iam::777788889999:role/service-role/ingest", findings);
        Assert.Equal("arn:aws:iam::777788889999:role/service-role/ingest",
            Assert.Single(json.RootElement.GetProperty("excluded").EnumerateArray()).GetProperty("finding").GetProperty("principal").GetString());
        var warning = Assert.Single(json.RootElement.GetProperty("exclusionWarnings").EnumerateArray());
        Assert.Equal(("Expired", 2), (warning.GetProperty("kind").GetString(), warning.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task Execute_InvalidExclusionsFile_FailsTheRunNamingThePlace()
    {
        // Arrange
        await using var harness = await SchedulerHarness.StartAsync(Start, settings: OnlyDriftAudit, configure: WithExclusions("""
            {"exclusions": [{"finding": {"rule": "UnmanagedPrincipal"}, "reason": "r", "approvedBy": "b", "expires": "someday"}]}
            """));

        // Act
        var firing = await harness.FireAtAsync(Night);

        // Assert
        Assert.NotNull(firing.Error);
        Assert.Contains("exclusions.json:1:", firing.Error!.ToString(), StringComparison.Ordinal);
        Assert.Contains("expected a date as YYYY-MM-DD, found `someday`", firing.Error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(Path.Combine(harness.DataDirectory, "reports")) ? Directory.GetFiles(Path.Combine(harness.DataDirectory, "reports")) : []);
    }
}
