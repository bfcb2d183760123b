using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Results;
using Governance.Core.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngine.Analysis;
using PolicyEngine.Catalog;

namespace Governance.Api.Tests.Endpoints;

/// <summary>The drift reports the scheduler stores in the database, as the API serves them, on each provider.</summary>
public abstract partial class GovernanceApiTests<TFixture>
{
    private const string DataEngineer = "arn:aws:iam::111122223333:role/data-engineer";

    [SkippableFact]
    public async Task Reports_TwoStoredRuns_ListedNewestFirstAndServedInEachFormat()
    {
        // Arrange: runs in a year of their own, so that this class's other tests cannot interleave with them
        var factory = Factory;
        var first = new DriftReport(Guid.NewGuid(), new DateTimeOffset(2031, 3, 1, 3, 0, 0, TimeSpan.Zero),
            [new DriftFinding(DriftKind.UnmanagedPrincipal, "arn:aws:iam::111122223333:role/platform-admin", RiskSeverity.Medium, "role `platform-admin` <unmanaged>")],
            null, [], DriftBaseline.Empty);
        var second = new DriftReport(Guid.NewGuid(), first.RanAt.AddDays(1),
            [
                new DriftFinding(DriftKind.PolicyDrift, DataEngineer, RiskSeverity.High,
                    "policies differ from code in what they allow: added s3:DeleteObject on arn:aws:s3:::lake-sandbox/*"),
                new DriftFinding(DriftKind.UnmanagedPrincipal, "arn:aws:iam::111122223333:role/platform-admin", RiskSeverity.Medium, "role `platform-admin` <unmanaged>"),
            ],
            new PreviousAudit(first.Id, first.RanAt),
            [new PrincipalAccessDelta(DataEngineer, PrincipalChange.Changed,
                [new AccessDeltaAction(AccessChangeKind.Added, "s3:DeleteObject", AccessLevel.Write, ["arn:aws:s3:::lake-sandbox/*"])])],
            DriftBaseline.Empty);
        await using (var db = Fixture.Database.CreateContext())
        {
            var repository = new DriftReportRepository(db);
            await repository.AddAsync(second, CancellationToken.None);
            await repository.AddAsync(first, CancellationToken.None);
        }
        var bob = factory.ClientFor(NewUser("bob"), "approver");

        // Act
        var list = await bob.GetFromJsonAsync<JsonElement>("/v1/audit/reports");
        var json = await bob.GetFromJsonAsync<JsonElement>($"/v1/audit/reports/{second.Id}");
        var markdown = await bob.GetStringAsync($"/v1/audit/reports/{second.Id}?format=markdown");
        var html = await bob.GetStringAsync($"/v1/audit/reports/{second.Id}?format=html");

        // Assert
        var ids = list.GetProperty("items").EnumerateArray().Select(static r => r.GetProperty("id").GetGuid()).ToList();
        Assert.True(ids.IndexOf(second.Id) >= 0 && ids.IndexOf(second.Id) < ids.IndexOf(first.Id), "newest first: " + list);
        var summary = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == second.Id);
        Assert.Equal((2, 1, 1), (summary.GetProperty("findings").GetInt32(), summary.GetProperty("high").GetInt32(), summary.GetProperty("medium").GetInt32()));
        Assert.Equal("PolicyDrift", json.GetProperty("findings")[0].GetProperty("kind").GetString());
        Assert.Equal(first.Id, json.GetProperty("previous").GetProperty("id").GetGuid());
        Assert.Equal("s3:DeleteObject", json.GetProperty("accessDelta")[0].GetProperty("actions")[0].GetProperty("action").GetString());
        Assert.Contains($"| High | PolicyDrift | `{DataEngineer}` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Added | `s3:DeleteObject` | Write | `arn:aws:s3:::lake-sandbox/*` |", markdown, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("2031-03-01: 1 Medium</title>", html, StringComparison.Ordinal); // the earlier run is a bar of the chart
        Assert.Contains("2031-03-02: 1 High</title>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;unmanaged&gt;", html, StringComparison.Ordinal);
        Assert.Contains("role <code>platform-admin</code> &lt;unmanaged&gt;", html, StringComparison.Ordinal); // a code span, not backticks
        // The one script is the search the report's policy allows by its hash; finding text never becomes a script.
        Assert.Equal(html.IndexOf("<script", StringComparison.OrdinalIgnoreCase), html.LastIndexOf("<script", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>" + Governance.Core.Reports.Html.ReportScript.Text + "</script>", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Reports_CompressedAndUncompressedRow_ServedIdentically()
    {
        // Arrange: a report stored as the service stores it now (compressed), read, then its row rewritten as a row from
        // before compression (the JSON itself), in a year of its own
        var factory = Factory;
        var report = new DriftReport(Guid.NewGuid(), new DateTimeOffset(2032, 5, 1, 3, 0, 0, TimeSpan.Zero),
            [new DriftFinding(DriftKind.PolicyDrift, DataEngineer, RiskSeverity.High, "policies differ from code: added s3:DeleteObject on `lake-sandbox/*` <é>")],
            null, [], DriftBaseline.Empty);
        await using (var db = Fixture.Database.CreateContext())
        {
            await new DriftReportRepository(db).AddAsync(report, CancellationToken.None);
        }
        var bob = factory.ClientFor(NewUser("bob"), "approver");
        var compressedJson = await bob.GetStringAsync($"/v1/audit/reports/{report.Id}");
        var compressedHtml = await bob.GetStringAsync($"/v1/audit/reports/{report.Id}?format=html");
        string stored;
        await using (var db = Fixture.Database.CreateContext())
        {
            stored = await db.DriftReports.Where(r => r.Id == report.Id).Select(static r => r.Content).SingleAsync();
            var plain = DriftReportContent.Expand(stored);
            await db.DriftReports.Where(r => r.Id == report.Id).ExecuteUpdateAsync(s => s.SetProperty(static r => r.Content, plain));
        }

        // Act
        var plainJson = await bob.GetStringAsync($"/v1/audit/reports/{report.Id}");
        var plainHtml = await bob.GetStringAsync($"/v1/audit/reports/{report.Id}?format=html");

        // Assert
        Assert.StartsWith(DriftReportContent.GzipPrefix, stored, StringComparison.Ordinal);
        Assert.Contains("s3:DeleteObject", compressedJson, StringComparison.Ordinal);
        Assert.Equal(compressedJson, plainJson);
        Assert.Equal(compressedHtml, plainHtml);
    }

    [SkippableFact]
    public async Task Reports_UnknownIdBadFormatOrEngineer_AreRefused()
    {
        // Arrange
        var factory = Factory;
        var report = new DriftReport(Guid.NewGuid(), new DateTimeOffset(2031, 4, 1, 3, 0, 0, TimeSpan.Zero), [], null, [], DriftBaseline.Empty);
        await using (var db = Fixture.Database.CreateContext())
        {
            await new DriftReportRepository(db).AddAsync(report, CancellationToken.None);
        }
        var bob = factory.ClientFor(NewUser("bob"), "approver");

        // Act
        var unknown = await bob.GetAsync($"/v1/audit/reports/{Guid.NewGuid()}");
        var badFormat = await bob.GetAsync($"/v1/audit/reports/{report.Id}?format=pdf");
        var engineer = await factory.ClientFor(NewUser("alice"), "engineer").GetAsync("/v1/audit/reports");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(ProblemCodes.ReportNotFound, (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        var formatProblem = await badFormat.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ProblemCodes.ValidationFailed, formatProblem.GetProperty("code").GetString());
        Assert.Contains("`pdf`", formatProblem.GetProperty("errors").GetProperty("format")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, engineer.StatusCode);
    }

    [SkippableFact]
    public async Task Reports_AdminRunsNow_CreatedWithItsReportAndAnAuditEvent()
    {
        // Arrange
        var factory = Factory;
        var carol = NewUser("carol");
        var admin = factory.ClientFor(carol, "admin");

        // Act
        var response = await admin.PostAsync("/v1/audit/reports", null);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var served = await admin.GetFromJsonAsync<JsonElement>(response.Headers.Location!.OriginalString);
        var events = await admin.GetFromJsonAsync<JsonElement>($"/v1/audit/events?actor={carol}");

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/v1/audit/reports/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(id, served.GetProperty("id").GetGuid());
        Assert.Equal(served.GetProperty("findings").GetArrayLength(), created.GetProperty("findings").GetInt32());
        var recorded = Assert.Single(events.GetProperty("items").EnumerateArray());
        Assert.Equal("drift-audit.run", recorded.GetProperty("action").GetString());
        Assert.Equal(id, recorded.GetProperty("after").GetProperty("reportId").GetGuid());
    }

    [SkippableFact]
    public async Task Reports_RunNowByApproverOrWhileARunIsInProgress_IsRefused()
    {
        // Arrange
        var factory = Factory;
        var admin = factory.ClientFor(NewUser("carol"), "admin");
        var gate = factory.Services.GetRequiredService<DriftAuditGate>();

        // Act
        var approver = await factory.ClientFor(NewUser("bob"), "approver").PostAsync("/v1/audit/reports", null);
        Assert.True(gate.TryEnter(), "no run in progress before the test");
        HttpResponseMessage busy;
        try
        {
            busy = await admin.PostAsync("/v1/audit/reports", null);
        }
        finally
        {
            gate.Exit();
        }
        var free = await admin.PostAsync("/v1/audit/reports", null);

        // Assert
        AssertProblem(approver, HttpStatusCode.Forbidden);
        AssertProblem(busy, HttpStatusCode.Conflict);
        Assert.Equal("drift-audit-running", (await busy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, free.StatusCode);
    }

    [SkippableFact]
    public async Task AuditEvents_FilteredByActorActionAndTime_NarrowTheList()
    {
        // Arrange
        var factory = Factory;
        var ann = NewUser("ann");
        await SubmitAsync(factory.ClientFor(ann, "engineer"), LakeWrite("arn:aws:s3:::lake-filter/*"));
        var bob = factory.ClientFor(NewUser("bob"), "approver");
        var now = factory.Time.GetUtcNow();

        // Act
        var byActor = await bob.GetFromJsonAsync<JsonElement>($"/v1/audit/events?actor={ann}");
        var byActorAndAction = await bob.GetFromJsonAsync<JsonElement>($"/v1/audit/events?actor={ann}&action=request.denied");
        var before = await bob.GetFromJsonAsync<JsonElement>($"/v1/audit/events?actor={ann}&to={Uri.EscapeDataString(now.AddMinutes(-1).ToString("O"))}");
        var since = await bob.GetFromJsonAsync<JsonElement>($"/v1/audit/events?actor={ann}&from={Uri.EscapeDataString(now.AddMinutes(-1).ToString("O"))}");
        var badTime = await bob.GetAsync("/v1/audit/events?from=yesterday");

        // Assert
        var items = byActor.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, e => Assert.Equal(ann, e.GetProperty("actor").GetString()));
        Assert.Contains(items, static e => e.GetProperty("action").GetString() == "request.created");
        Assert.Equal(0, byActorAndAction.GetProperty("total").GetInt32());
        Assert.Equal(0, before.GetProperty("total").GetInt32());
        Assert.Equal(items.Count, since.GetProperty("total").GetInt32());
        AssertProblem(badTime, HttpStatusCode.BadRequest);
        Assert.Contains("`yesterday`", await badTime.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
