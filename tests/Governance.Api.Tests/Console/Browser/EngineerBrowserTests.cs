using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Governance.Api.Tests.Console.Browser;

/// <summary>An engineer's story in a real browser (Debian's Chromium): Can I, a preview, a submission, their requests and grants; screenshots and axe-core.</summary>
public sealed class EngineerBrowserTests(BrowserApiFixture fixture) : IClassFixture<BrowserApiFixture>
{
    [SkippableFact]
    public async Task An_engineer_asks_can_i_previews_and_submits_a_request_and_finds_it_in_their_lists()
    {
        Skip.If(fixture.BrowserUnavailableReason is not null, fixture.BrowserUnavailableReason);
        var user = TestUsers.New("alice");
        var bucket = $"lake-browser-{Guid.NewGuid():N}"[..24];
        await using var person = await BrowserPerson.OpenAsync(fixture);
        await person.SignInAsync(user, "engineer");
        var page = person.Page;

        // Can I: data-engineer may not yet write to the bucket; the answer says why.
        await page.GotoAsync("/");
        await page.GetByLabel("Principal (the roles").SelectOptionAsync("arn:aws:iam::111122223333:role/data-engineer");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Action (for an action" }).FillAsync("s3:PutObject");
        await page.GetByLabel("Resource ARN").FillAsync($"arn:aws:s3:::{bucket}/orders/1.parquet");
        await page.GetByLabel("Request context").FillAsync("aws:RequestedRegion=eu-west-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Assertions.Expect(page.Locator("#answer [data-testid=decision]").First).ToHaveTextAsync("ImplicitDeny");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No: not allowed (implicit deny)" })).ToBeVisibleAsync();
        Assert.Contains("action=s3%3APutObject", page.Url, StringComparison.Ordinal);
        await person.RecordAsync("engineer-can-i");

        // Request access: preview first, then submit.
        await page.GetByRole(AriaRole.Link, new() { Name = "Request access" }).ClickAsync();
        await page.GetByLabel("Permission set").SelectOptionAsync("lake-write");
        await page.GetByLabel("Resources").FillAsync($"arn:aws:s3:::{bucket}/*");
        await page.GetByLabel("Target role").SelectOptionAsync("arn:aws:iam::111122223333:role/data-engineer");
        await page.GetByLabel("Duration in hours").FillAsync("4");
        await page.GetByLabel("Justification").FillAsync("backfill of the orders table after the schema change");
        await person.RecordAsync("engineer-request-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Preview: lake-write on data-engineer" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=actions-write]")).ToContainTextAsync("s3:PutObject");
        await person.RecordAsync("engineer-request-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/requests/", StringComparison.Ordinal));
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        // My requests lists it, pending; once approved, my grants shows it with the time left.
        await page.GotoAsync("/my-requests");
        await Assertions.Expect(page.Locator($"tr[data-request='{id}'] .badge")).ToHaveTextAsync("Pending");
        await person.RecordAsync("engineer-my-requests");
        await ApproveAsync(fixture.Factory.ClientFor(TestUsers.New("bob"), "approver"), id);
        await page.GotoAsync("/my-grants");
        await Assertions.Expect(page.Locator("#active tbody tr").First).ToContainTextAsync("lake-write");
        await Assertions.Expect(page.Locator("#active .remaining").First).ToHaveTextAsync("4 h 0 min left");
        await person.RecordAsync("engineer-my-grants");
        await page.GetByRole(AriaRole.Button, new() { Name = "End now" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The grant was ended");
        await Assertions.Expect(page.Locator("#ended .badge").First).ToHaveTextAsync("Revoked");
    }

    /// <summary>Approves as an approver does: reads the request and names its preview's ETag in <c>If-Match</c>.</summary>
    private static async Task ApproveAsync(HttpClient approver, string id)
    {
        var read = await approver.GetAsync($"/v1/access-requests/{id}");
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/v1/access-requests/{id}/approve") { Content = JsonContent.Create(new { comment = "agreed" }) };
        message.Headers.IfMatch.Add(read.Headers.ETag!);
        var response = await approver.SendAsync(message);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
    }
}
