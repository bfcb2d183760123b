using System.Text.RegularExpressions;
using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Governance.Api.Tests.Console.Browser;

/// <summary>
/// The console's whole story in a real browser, across both people's pages: an engineer asks, previews and submits; an
/// approver finds it in the queue and approves; the engineer's answer changes, and they end the grant early. Once with
/// JavaScript and once without: every step is a link or a form.
/// </summary>
public sealed class StoryBrowserTests(BrowserApiFixture fixture) : IClassFixture<BrowserApiFixture>
{
    private const string Bucket = "lake-orders";

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Engineer_asks_requests_approver_approves_engineer_ends_the_grant(bool javaScript)
    {
        Skip.If(fixture.BrowserUnavailableReason is not null, fixture.BrowserUnavailableReason);
        var shot = javaScript ? "story" : "story-nojs";
        var object_ = $"arn:aws:s3:::{Bucket}/story-{Guid.NewGuid():N}.parquet";
        await using var engineer = await BrowserPerson.OpenAsync(fixture, javaScript);
        await using var approver = await BrowserPerson.OpenAsync(fixture, javaScript);
        await BrowserPerson.ExplainFailureAsync(shot, () => StoryAsync(engineer, approver, shot, object_, javaScript), engineer, approver);
    }

    private static async Task StoryAsync(BrowserPerson engineer, BrowserPerson approver, string shot, string object_, bool javaScript)
    {
        await engineer.SignInAsync(TestUsers.New("alice"), "engineer");
        await approver.SignInAsync(TestUsers.New("bob"), "approver");

        // The engineer asks whether data-engineer may write the object: not yet
        await AskPutObjectAsync(engineer, object_);
        await Assertions.Expect(engineer.Page.GetByTestId("decision")).Not.ToHaveTextAsync("Allow");
        await RecordAsync(engineer, $"{shot}-1-can-i-no", javaScript);

        // ... previews a request (nothing is submitted yet), then submits it
        await engineer.Page.GetByRole(AriaRole.Link, new() { Name = "Request access" }).ClickAsync();
        await engineer.Page.GetByLabel("Permission set").SelectOptionAsync(new SelectOptionValue { Value = "lake-write" });
        await engineer.Page.GetByLabel("Resources").FillAsync($"arn:aws:s3:::{Bucket}/*");
        await engineer.Page.GetByLabel("Target role").SelectOptionAsync(new SelectOptionValue { Label = "data-engineer (111122223333)" });
        await engineer.Page.GetByLabel("Duration in hours").FillAsync("4");
        await engineer.Page.GetByLabel("Justification").FillAsync("backfill of the orders table after the schema change");
        await engineer.Page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(engineer.Page.GetByRole(AriaRole.Heading, new() { Name = "Preview: lake-write on data-engineer" })).ToBeVisibleAsync();
        await Assertions.Expect(engineer.Page.GetByTestId("actions-write")).ToContainTextAsync("s3:PutObject");
        await RecordAsync(engineer, $"{shot}-2-request-preview", javaScript);
        await engineer.Page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await engineer.Page.WaitForURLAsync(new Regex("/requests/[0-9a-f-]{36}$"));
        var requestPath = new Uri(engineer.Page.Url).AbsolutePath;
        await Assertions.Expect(engineer.Page.GetByTestId("status")).ToHaveTextAsync("Pending");
        await RecordAsync(engineer, $"{shot}-3-request-submitted", javaScript);

        // The approver finds it in the queue, opens it and approves what it adds
        await approver.Page.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).ClickAsync();
        var inQueue = approver.Page.Locator($"a[href='{requestPath}']");
        await Assertions.Expect(inQueue).ToBeVisibleAsync();
        await RecordAsync(approver, $"{shot}-4-queue", javaScript);
        await inQueue.ClickAsync();
        await approver.Page.GetByLabel("Comment").First.FillAsync("ok for the backfill");
        await approver.Page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(approver.Page.GetByTestId("status")).ToHaveTextAsync("Approved");
        await RecordAsync(approver, $"{shot}-5-approved", javaScript);

        // The engineer's answer is now yes, and their grant is listed; they end it early
        await AskPutObjectAsync(engineer, object_);
        await Assertions.Expect(engineer.Page.GetByTestId("decision")).ToHaveTextAsync("Allow");
        await RecordAsync(engineer, $"{shot}-6-can-i-yes", javaScript);
        await engineer.Page.GetByRole(AriaRole.Link, new() { Name = "My grants" }).ClickAsync();
        var end = engineer.Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^End now") });
        await Assertions.Expect(end).ToHaveCountAsync(1);
        await RecordAsync(engineer, $"{shot}-7-my-grants", javaScript);
        await end.ClickAsync();
        await Assertions.Expect(engineer.Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^End now") })).ToHaveCountAsync(0);
        await AskPutObjectAsync(engineer, object_);
        await Assertions.Expect(engineer.Page.GetByTestId("decision")).Not.ToHaveTextAsync("Allow");
    }

    private static async Task AskPutObjectAsync(BrowserPerson person, string objectArn)
    {
        await person.Page.GetByRole(AriaRole.Link, new() { Name = "Can I…?" }).ClickAsync();
        await person.Page.Locator("#principal").SelectOptionAsync(new SelectOptionValue { Label = "data-engineer (111122223333)" });
        await person.Page.GetByLabel("an action on a resource").CheckAsync();
        await person.Page.Locator("#action").FillAsync("s3:PutObject");
        await person.Page.Locator("#resource").FillAsync(objectArn);
        await person.Page.Locator("#context").FillAsync("aws:RequestedRegion=eu-west-1\naws:SecureTransport=true");
        await person.Page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Assertions.Expect(person.Page.GetByTestId("decision")).ToBeVisibleAsync();
    }

    /// <summary>Screenshots always; axe-core only with JavaScript, since it runs in the page.</summary>
    private static Task RecordAsync(BrowserPerson person, string name, bool javaScript) => person.RecordAsync(name, checkAccessibility: javaScript);
}
