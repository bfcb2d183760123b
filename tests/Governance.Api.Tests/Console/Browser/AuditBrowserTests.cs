using System.Net.Http.Json;
using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Governance.Api.Tests.Console.Browser;

/// <summary>The audit area in a real browser: an approver filters the events and reads the verification; an admin runs the drift audit.</summary>
public sealed class AuditBrowserTests(BrowserApiFixture fixture) : IClassFixture<BrowserApiFixture>
{
    [SkippableFact]
    public async Task An_approver_filters_and_verifies_and_an_admin_runs_the_drift_audit()
    {
        Skip.If(fixture.BrowserUnavailableReason is not null, fixture.BrowserUnavailableReason);
        var ann = TestUsers.New("ann");
        using (var engineer = fixture.Factory.ClientFor(ann, "engineer"))
        {
            var created = await engineer.PostAsJsonAsync("/v1/access-requests", new
            {
                permissionSet = "lake-write", resources = new[] { "arn:aws:s3:::lake-browser/*" }, targetRole = "data-engineer",
                justification = "audit page in a browser", durationHours = 1,
            });
            created.EnsureSuccessStatusCode();
        }

        // An approver opens the audit page from the navigation, filters by the engineer and reads the verification.
        await using (var approver = await BrowserPerson.OpenAsync(fixture))
        {
            await approver.SignInAsync(TestUsers.New("bob"), "approver");
            await approver.Page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
            await Assertions.Expect(approver.Page.GetByRole(AriaRole.Heading, new() { Name = "Audit", Exact = true })).ToBeVisibleAsync();
            await approver.Page.GetByLabel("Actor").FillAsync(ann);
            await approver.Page.GetByLabel("Action").SelectOptionAsync("request.created");
            await approver.Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            await Assertions.Expect(approver.Page.GetByTestId("event-count")).ToContainTextAsync("1 event matches the filters");
            await Assertions.Expect(approver.Page.Locator("#events tbody")).ToContainTextAsync(ann);
            await approver.RecordAsync("audit-events");

            await approver.Page.GetByRole(AriaRole.Link, new() { Name = "Verify the audit chain" }).ClickAsync();
            await Assertions.Expect(approver.Page.Locator("#verdict")).ToContainTextAsync("Intact.");
            await approver.RecordAsync("audit-verify");

            await approver.Page.GotoAsync("/audit/reports");
            await Assertions.Expect(approver.Page.GetByRole(AriaRole.Button, new() { Name = "Run the drift audit now" })).ToHaveCountAsync(0);
        }

        // An admin runs the drift audit and opens its report.
        await using var admin = await BrowserPerson.OpenAsync(fixture);
        await admin.SignInAsync(TestUsers.New("carol"), "admin");
        await admin.Page.GotoAsync("/audit/reports");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Run the drift audit now" }).ClickAsync();
        await Assertions.Expect(admin.Page.Locator("#ran")).ToContainTextAsync("The drift audit ran");
        await Assertions.Expect(admin.Page.Locator("#reports tbody tr")).Not.ToHaveCountAsync(0);
        await admin.RecordAsync("audit-reports");
        await admin.Page.Locator("#ran").GetByRole(AriaRole.Link, new() { Name = "Open its report" }).ClickAsync();
        await Assertions.Expect(admin.Page.Locator("h1").First).ToBeVisibleAsync();
        // The report's own styles applied under its policy: the body is not the browser's default font family.
        var font = await admin.Page.EvalOnSelectorAsync<string>("body", "e => getComputedStyle(e).fontFamily");
        Assert.NotEqual("\"Times New Roman\"", font);
        await admin.RecordAsync("audit-report");
    }
}
