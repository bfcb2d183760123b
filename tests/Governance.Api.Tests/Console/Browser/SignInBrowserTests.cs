using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Infrastructure;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Governance.Api.Tests.Console.Browser;

/// <summary>The demo sign-in in a real browser (Debian's Chromium): with JavaScript and without, screenshots and axe-core.</summary>
public sealed class SignInBrowserTests(BrowserApiFixture fixture) : IClassFixture<BrowserApiFixture>
{
    private async Task<BrowserPerson> OpenAsync(bool javaScript = true)
    {
        Skip.If(fixture.BrowserUnavailableReason is not null, fixture.BrowserUnavailableReason);
        return await BrowserPerson.OpenAsync(fixture, javaScript);
    }

    [SkippableFact]
    public async Task The_demo_sign_in_page_is_marked_accessible_and_signs_in()
    {
        await using var person = await OpenAsync();
        await person.Page.GotoAsync("/");
        Assert.EndsWith("/signin?returnUrl=%2F", person.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(person.Page.GetByRole(AriaRole.Heading, new() { Name = "Demo sign-in" })).ToBeVisibleAsync();
        // The style sheet loaded under the console's CSP: the header bar has its colour.
        var background = await person.Page.EvalOnSelectorAsync<string>("header.site", "e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(11, 79, 138)", background);
        await person.RecordAsync("signin");

        var user = TestUsers.New("bob");
        await person.SignInAsync(user, "approver");
        await Assertions.Expect(person.Page.GetByTestId("signed-in-as")).ToHaveTextAsync(user);
        await Assertions.Expect(person.Page.GetByRole(AriaRole.Link, new() { Name = "Approvals" })).ToBeVisibleAsync();
        await Assertions.Expect(person.Page.GetByRole(AriaRole.Note)).ToContainTextAsync("Demo mode");
    }

    [SkippableFact]
    public async Task Without_JavaScript_signing_in_and_out_are_form_posts_that_work()
    {
        await using var person = await OpenAsync(javaScript: false);
        var user = TestUsers.New("ann");
        await person.SignInAsync(user, "engineer");
        await Assertions.Expect(person.Page.GetByTestId("signed-in-as")).ToHaveTextAsync(user);
        await person.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        // Polls the address the person sees rather than waiting for a load event: once, on a clean CI run, the
        // redirect's load event never reached WaitForURLAsync within 45 s.
        await Assertions.Expect(person.Page).ToHaveURLAsync(new Regex("/signin$"));
        await person.Page.GotoAsync("/");
        Assert.Contains("/signin", person.Page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_keyboard_reaches_every_field_and_signs_in()
    {
        await using var person = await OpenAsync();
        await person.Page.GotoAsync("/signin");
        await person.Page.GetByLabel("User name").FocusAsync();
        await person.Page.Keyboard.TypeAsync(TestUsers.New("kay"));
        await person.Page.Keyboard.PressAsync("Tab");
        await person.Page.Keyboard.PressAsync("Space");
        Assert.True(await person.Page.GetByLabel("engineer", new() { Exact = true }).IsCheckedAsync());
        await person.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(person.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeFocusedAsync();
        await person.Page.Keyboard.PressAsync("Enter");
        // Waits on what the person sees, not on a navigation event that a keyboard submission may race
        await Assertions.Expect(person.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        Assert.DoesNotContain("/signin", person.Page.Url, StringComparison.Ordinal);
    }
}
