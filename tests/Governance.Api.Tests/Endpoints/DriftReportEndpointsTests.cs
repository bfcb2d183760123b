using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Analysis;
using Governance.Core.Drift;
using Scheduler.Drift;

namespace Governance.Api.Tests.Endpoints;

/// <summary>The drift reports the scheduler writes, as the API serves them (SQLite fixture; reports are files).</summary>
public sealed class DriftReportEndpointsTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    private static readonly DriftReport Report = new(Guid.NewGuid(), new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero),
    [
        new DriftFinding(DriftKind.PolicyDrift, "arn:aws:iam::111122223333:role/data-engineer", FindingSeverity.High,
            "policies differ from code in what they allow: added s3:DeleteObject on arn:aws:s3:::lake-sandbox/*"),
        new DriftFinding(DriftKind.UnmanagedPrincipal, "arn:aws:iam::111122223333:role/platform-admin", FindingSeverity.Medium, "role `platform-admin` <unmanaged>"),
    ]);

    [Fact]
    public async Task Reports_ListThenEachFormat_ServesStoredReport()
    {
        // Arrange
        await new DriftReportStore(Path.Combine(fixture.DataDirectory, "reports")).WriteAsync(Report, CancellationToken.None);
        var bob = fixture.Factory.ClientFor("bob", "approver");

        // Act
        var list = await bob.GetFromJsonAsync<JsonElement>("/v1/audit/reports");
        var json = await bob.GetFromJsonAsync<JsonElement>($"/v1/audit/reports/{Report.Id}");
        var markdown = await bob.GetStringAsync($"/v1/audit/reports/{Report.Id}?format=markdown");
        var html = await bob.GetStringAsync($"/v1/audit/reports/{Report.Id}?format=html");
        var unknown = await bob.GetAsync($"/v1/audit/reports/{Guid.NewGuid()}");
        var badFormat = await bob.GetAsync($"/v1/audit/reports/{Report.Id}?format=pdf");
        var engineer = await fixture.Factory.ClientFor("alice", "engineer").GetAsync("/v1/audit/reports");

        // Assert
        var summary = Assert.Single(list.EnumerateArray());
        Assert.Equal(1, summary.GetProperty("high").GetInt32());
        Assert.Equal("PolicyDrift", json.GetProperty("findings")[0].GetProperty("kind").GetString());
        Assert.Contains("| High | PolicyDrift | `arn:aws:iam::111122223333:role/data-engineer` |", markdown, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("&lt;unmanaged&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, engineer.StatusCode);
    }
}
