using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Risk;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Console.Audit;

/// <summary>The console's audit area as a browser without JavaScript uses it, on each provider.</summary>
public abstract class AuditConsoleTests<TFixture>(TFixture fixture) : ApiTestBase<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [SkippableFact]
    public async Task An_engineer_is_refused_the_audit_pages_with_the_denied_page()
    {
        using var alice = await ConsoleClient.SignInAsync(Factory, NewUser("alice"), "engineer");
        foreach (var path in new[] { "/audit", "/audit/verify", "/audit/reports", $"/audit/reports/{Guid.NewGuid()}" })
        {
            var page = await alice.OpenAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Contains("This page is for approvers and admins", page.MainText, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task The_filters_narrow_the_events_to_an_actor_an_action_a_request_and_a_time()
    {
        // Arrange: two engineers submit; one request of each
        var ann = NewUser("ann");
        var ben = NewUser("ben");
        var annRequest = (await SubmitAsync(Factory.ClientFor(ann, "engineer"), LakeWrite("arn:aws:s3:::lake-audit-a/*"))).GetProperty("id").GetGuid();
        var benRequest = (await SubmitAsync(Factory.ClientFor(ben, "engineer"), LakeWrite("arn:aws:s3:::lake-audit-b/*"))).GetProperty("id").GetGuid();
        using var bob = await ConsoleClient.SignInAsync(Factory, NewUser("bob"), "approver");
        var list = await bob.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.OK, list.Status);

        // Act
        var byActor = await list.SubmitAsync("form#filter", new Dictionary<string, string> { ["actor"] = ann });
        var byAction = await list.SubmitAsync("form#filter", new Dictionary<string, string> { ["actor"] = ben, ["action"] = "request.approved" });
        var byRequest = await list.SubmitAsync("form#filter", new Dictionary<string, string> { ["requestId"] = benRequest.ToString() });
        var now = Factory.Time.GetUtcNow().UtcDateTime;
        var before = await list.SubmitAsync("form#filter", new Dictionary<string, string> { ["actor"] = ann, ["to"] = now.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm") });
        var since = await list.SubmitAsync("form#filter", new Dictionary<string, string> { ["actor"] = ann, ["from"] = now.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm") });

        // Assert
        Assert.Equal(new[] { ann }, Column(byActor, 3).Distinct());
        Assert.Contains("request.created", Column(byActor, 4));
        Assert.Contains(annRequest.ToString(), byActor.Text("#events tbody"), StringComparison.Ordinal);
        Assert.DoesNotContain(benRequest.ToString(), byActor.Text("#events tbody"), StringComparison.Ordinal);
        Assert.Contains("0 events match the filters", byAction.Text("[data-testid=event-count]"), StringComparison.Ordinal);
        Assert.Equal(new[] { ben }, Column(byRequest, 3).Distinct());
        Assert.Contains("status: Pending", byRequest.Text("#events tbody"), StringComparison.Ordinal);
        Assert.Contains("0 events match", before.Text("[data-testid=event-count]"), StringComparison.Ordinal);
        Assert.Equal(Column(byActor, 3).Count, Column(since, 3).Count);
    }

    [SkippableFact]
    public async Task A_filter_that_cannot_be_read_is_named_at_its_field()
    {
        using var bob = await ConsoleClient.SignInAsync(Factory, NewUser("bob"), "approver");
        var page = await bob.GetAsync("/audit?requestId=not-an-id&from=yesterday");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("must be an id", page.Text("#requestId-error"), StringComparison.Ordinal);
        Assert.Contains("`yesterday` is not a time", page.Text("#from-error"), StringComparison.Ordinal);
        Assert.NotEmpty(page.All("[role=alert]"));
    }

    [SkippableFact]
    public async Task The_report_list_links_each_report_and_its_page_renders_with_the_cookie_under_the_reports_policy()
    {
        // Arrange: a stored report in a year of its own
        var factory = Factory;
        var report = new DriftReport(Guid.NewGuid(), new DateTimeOffset(2032, 5, 1, 3, 0, 0, TimeSpan.Zero),
            [new DriftFinding(DriftKind.UnmanagedPrincipal, "arn:aws:iam::111122223333:role/platform-admin", RiskSeverity.Medium, "role `platform-admin` <unmanaged>")],
            null, [], DriftBaseline.Empty);
        await using (var db = Fixture.Database.CreateContext())
        {
            await new DriftReportRepository(db).AddAsync(report, CancellationToken.None);
        }
        using var bob = await ConsoleClient.SignInAsync(factory, NewUser("bob"), "approver");

        // Act
        var list = await bob.GetAsync("/audit/reports");
        var link = list.All("#reports a").Single(a => a.GetAttribute("href") == $"/audit/reports/{report.Id}");
        using var html = await bob.Http.GetAsync(link.GetAttribute("href"));
        var unknown = await bob.GetAsync($"/audit/reports/{Guid.NewGuid()}");

        // Assert
        Assert.Equal("2032-05-01 03:00 UTC", link.TextContent.Trim());
        var row = link.Closest("tr")!;
        Assert.Equal(new[] { "1", "0", "0", "1", "0" }, row.QuerySelectorAll("td").Take(5).Select(static c => c.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var body = await html.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", body, StringComparison.Ordinal);
        Assert.Contains("&lt;unmanaged&gt;", body, StringComparison.Ordinal);
        var csp = string.Join(";", html.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'none'", csp, StringComparison.Ordinal);
        // The one script allowed is the reports' search, by its hash: never inline script in general.
        Assert.Equal($"script-src {Governance.Core.Reports.Html.ReportScript.ContentSecurityPolicySource}",
            csp.Split(';').Select(static d => d.Trim()).Single(static d => d.StartsWith("script-src", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        // The console's other pages keep the console's policy.
        using var listResponse = await bob.Http.GetAsync("/audit/reports");
        Assert.Contains("style-src 'self'", string.Join(";", listResponse.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_admin_runs_the_drift_audit_now_and_the_run_is_a_report_and_an_audit_event()
    {
        // Arrange
        var carol = NewUser("carol");
        using var admin = await ConsoleClient.SignInAsync(Factory, carol, "admin");
        var list = await admin.GetAsync("/audit/reports");

        // Act
        var posted = await list.SubmitAsync("form#run");
        var after = await posted.FollowAsync();

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var ran = after.One("#ran a").GetAttribute("href")!;
        var id = Guid.Parse(ran["/audit/reports/".Length..]);
        Assert.Contains("The drift audit ran", after.Text("#ran"), StringComparison.Ordinal);
        Assert.NotEmpty(after.All($"#reports a[href='{ran}']"));
        var events = await Factory.ClientFor(NewUser("bob"), "approver")
            .GetFromJsonAsync<JsonElement>($"/v1/audit/events?actor={carol}&action=drift-audit.run");
        var recorded = Assert.Single(events.GetProperty("items").EnumerateArray());
        Assert.Equal(id, recorded.GetProperty("after").GetProperty("reportId").GetGuid());
        var page = await admin.GetAsync($"/audit?actor={carol}");
        Assert.Contains("drift-audit.run", page.Text("#events tbody"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_audit_page_runs_the_drift_audit_for_an_admin_and_a_second_run_while_one_runs_is_refused_in_words()
    {
        // Arrange
        using var admin = await ConsoleClient.SignInAsync(Factory, NewUser("carol"), "admin");
        var audit = await admin.GetAsync("/audit");
        var gate = Factory.Services.GetRequiredService<DriftAuditGate>();

        // Act
        Assert.True(gate.TryEnter(), "no run in progress before the test");
        ConsolePage busy;
        try
        {
            busy = await audit.SubmitAsync("form#run");
        }
        finally
        {
            gate.Exit();
        }
        var ran = await audit.SubmitAsync("form#run");

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, busy.Status);
        Assert.Contains("a drift audit is running now", busy.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ran.Status);
        Assert.StartsWith("/audit/reports?ran=", ran.Location!.OriginalString, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_approver_sees_no_run_button_and_a_run_posted_anyway_is_refused()
    {
        // Arrange
        var bea = NewUser("bea");
        using var approver = await ConsoleClient.SignInAsync(Factory, bea, "approver");
        var list = await approver.GetAsync("/audit/reports");
        var token = list.One("input[name=__csrf]").GetAttribute("value")!;

        // Act
        var refused = await approver.PostFormAsync("/audit/reports?handler=Run", [new("__csrf", token)]);

        // Assert
        Assert.Empty(list.All("form#run"));
        Assert.Empty((await approver.GetAsync("/audit")).All("form#run"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        var events = await Factory.ClientFor(NewUser("bob"), "approver").GetFromJsonAsync<JsonElement>($"/v1/audit/events?actor={bea}");
        Assert.Equal(0, events.GetProperty("total").GetInt32());
    }

    private static List<string> Column(ConsolePage page, int column)
        => [.. page.All($"#events tbody tr > :nth-child({column})").Select(static c => c.TextContent.Trim())];
}
