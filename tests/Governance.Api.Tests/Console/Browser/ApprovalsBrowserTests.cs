using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Console.Approvals;
using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Governance.Api.Tests.Console.Browser;

/// <summary>An approver's story in a real browser (Debian's Chromium): the queue, a request, an approval; screenshots and axe-core.</summary>
public sealed class ApprovalsBrowserTests(BrowserApiFixture fixture) : IClassFixture<BrowserApiFixture>
{
    [SkippableFact]
    public async Task An_approver_sees_the_queue_opens_a_request_and_approves_it()
    {
        // Arrange: an engineer's two requests, one that needs two approvers and one that needs one
        Skip.If(fixture.BrowserUnavailableReason is not null, fixture.BrowserUnavailableReason);
        var engineer = fixture.Factory.ClientFor(TestUsers.New("alice"), "engineer");
        await SubmitAsync(engineer, new
        {
            permissionSet = "iam-role-admin",
            resources = new[] { "arn:aws:iam::111122223333:role/service-role/glue-etl" },
            targetRole = "glue-etl",
            justification = "rotate the job's inline policy",
            durationHours = 2,
        });
        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(5));
        var id = await SubmitAsync(engineer, new
        {
            permissionSet = "lake-write",
            resources = new[] { "arn:aws:s3:::lake-orders/*" },
            targetRole = "data-engineer",
            justification = "backfill of the orders table after the schema change",
            durationHours = 4,
        });
        await using var person = await BrowserPerson.OpenAsync(fixture);
        await person.SignInAsync(TestUsers.New("bob"), "approver");

        // Act: the queue, then the request, then the approval
        await person.Page.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).ClickAsync();
        await Assertions.Expect(person.Page.GetByRole(AriaRole.Heading, new() { Name = "Approvals", Level = 1 })).ToBeVisibleAsync();
        var row = person.Page.Locator($"tr[data-request='{id}']");
        await Assertions.Expect(row).ToContainTextAsync("backfill of the orders table");
        await person.RecordAsync("approvals-queue");
        await row.GetByRole(AriaRole.Link, new() { Name = "lake-write" }).ClickAsync();
        await Assertions.Expect(person.Page.GetByRole(AriaRole.Heading, new() { Name = "What it adds" })).ToBeVisibleAsync();
        await Assertions.Expect(person.Page.GetByTestId("actions-write")).ToContainTextAsync("s3:PutObject");
        await person.RecordAsync("approvals-request");
        await person.Page.GetByLabel("Comment").First.FillAsync("backfill agreed with the data owners");
        await person.Page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        // Assert: after the redirect the outcome is said in words and the request is approved
        await Assertions.Expect(person.Page.GetByTestId("outcome")).ToHaveTextAsync("You approved the request. It is approved and its grant is active.");
        await Assertions.Expect(person.Page.GetByTestId("status")).ToHaveTextAsync("Approved");
        Assert.EndsWith($"/requests/{id}", person.Page.Url, StringComparison.Ordinal);
        await person.RecordAsync("approvals-request-approved");
    }

    [SkippableFact]
    public async Task An_approver_whose_preview_changed_sees_the_conflict_and_approves_the_new_one()
    {
        // Arrange: glue-etl holds iam:PutRolePolicy for good while the approver reads the request
        Skip.If(fixture.BrowserUnavailableReason is not null, fixture.BrowserUnavailableReason);
        await GlueEtlPolicies.AddAsync(fixture.Factory, GlueEtlPolicies.StandingPutRolePolicy);
        var id = await SubmitAsync(fixture.Factory.ClientFor(TestUsers.New("alice"), "engineer"), new
        {
            permissionSet = "iam-role-admin",
            resources = new[] { GlueEtlPolicies.Arn },
            targetRole = "glue-etl",
            justification = "rotate the job's inline policy",
            durationHours = 2,
        });
        await using var person = await BrowserPerson.OpenAsync(fixture);
        await person.SignInAsync(TestUsers.New("bob"), "approver");
        await person.Page.GotoAsync($"/requests/{id}");
        await Assertions.Expect(person.Page.GetByTestId("preview")).Not.ToContainTextAsync("iam:PutRolePolicy");

        // Act: the standing policy goes while the page is open; the approver approves what they read
        await GlueEtlPolicies.RemoveAsync(fixture.Factory, "standing-put-role-policy");
        await person.Page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        // Assert: the conflict and the new preview are shown; approving again approves the new one
        await Assertions.Expect(person.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("changed since you opened it; review it again");
        await Assertions.Expect(person.Page.GetByTestId("actions-permissionsmanagement")).ToContainTextAsync("iam:PutRolePolicy");
        await person.RecordAsync("approvals-conflict");
        await person.Page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(person.Page.GetByTestId("outcome")).ToHaveTextAsync("You approved the request. It has 1 of the 2 approvals it needs.");
    }

    private static async Task<string> SubmitAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/v1/access-requests", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("id").GetString()!;
    }
}
