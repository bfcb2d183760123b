using Governance.Api.Tests.Console.Infrastructure;
using Governance.Api.Tests.Console.Infrastructure.Oidc;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Governance.Api.Tests.Console.Browser;

/// <summary>
/// Signing in at a real OpenID Connect provider (OpenIddict on https, a loopback port) in Debian's Chromium: the
/// console's sign-in page, the provider's, the console after, signing out at the provider; screenshots and axe-core.
/// </summary>
public sealed class OidcSignInBrowserTests(OidcBrowserFixture fixture) : IClassFixture<OidcBrowserFixture>
{
    private async Task<BrowserPerson> OpenAsync(bool javaScript = true)
    {
        Skip.If(fixture.BrowserUnavailableReason is not null, fixture.BrowserUnavailableReason);
        // The provider's certificate is the test's own; the service trusts it by thumbprint, the browser is told to.
        return await BrowserPerson.OpenAsync(fixture, javaScript, ignoreHttpsErrors: true);
    }

    private string NewPerson(string name, params string[] roles)
    {
        var user = TestUsers.New(name);
        fixture.Provider.Roles[user] = roles;
        return user;
    }

    private static async Task SignInAtProviderAsync(IPage page, string user)
    {
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [SkippableFact]
    public async Task An_approver_signs_in_at_the_provider_sees_approvals_and_signs_out_there()
    {
        await using var person = await OpenAsync();
        var page = person.Page;
        var user = NewPerson("bob", "approver");

        await page.GotoAsync("/");
        Assert.EndsWith("/signin?returnUrl=%2F", page.Url, StringComparison.Ordinal);
        var start = page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation" });
        await Assertions.Expect(start).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demo sign-in" })).ToHaveCountAsync(0);
        await person.RecordAsync("oidc-signin");

        await start.ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(fixture.Provider.Authority.ToString(), StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Example organisation sign-in" })).ToBeVisibleAsync();
        await person.RecordAsync("oidc-provider-signin");

        await SignInAtProviderAsync(page, user);
        await page.WaitForURLAsync(url => url.StartsWith(person.Address.ToString(), StringComparison.Ordinal) && !url.Contains("signin", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(user);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Approvals" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Demo mode")).ToHaveCountAsync(0);
        await person.RecordAsync("oidc-signed-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Approvals");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url == new Uri(person.Address, "/signin").ToString());
        await page.GotoAsync("/");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        // Signed out at the provider as well: starting again asks who one is.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task An_engineer_signed_in_at_the_provider_sees_no_approver_pages()
    {
        await using var person = await OpenAsync();
        var page = person.Page;
        var user = NewPerson("ann", "engineer");

        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation" }).ClickAsync();
        await SignInAtProviderAsync(page, user);
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(user);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Approvals" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Audit" })).ToHaveCountAsync(0);
        await page.GotoAsync("/approvals");
        Assert.Contains("/denied", page.Url, StringComparison.Ordinal);
        await person.RecordAsync("oidc-engineer-denied-approvals");
    }

    [SkippableFact]
    public async Task After_SessionMinutes_the_next_page_asks_to_sign_in_again()
    {
        await using var person = await OpenAsync();
        var page = person.Page;
        var user = NewPerson("eli", "engineer");
        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation" }).ClickAsync();
        await SignInAtProviderAsync(page, user);
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(user);

        // The clock only moves forward: sessions the other tests start later begin at the new time.
        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(481));
        await page.ReloadAsync();
        Assert.Contains("/signin?returnUrl=", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation" })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task A_subject_the_service_refuses_is_told_why_on_the_sign_in_page()
    {
        await using var person = await OpenAsync();
        var page = person.Page;
        fixture.Provider.Roles["system:backup"] = ["admin"];

        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation" }).ClickAsync();
        await SignInAtProviderAsync(page, "system:backup");
        await page.WaitForURLAsync(url => url.StartsWith(new Uri(person.Address, "/signin").ToString(), StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("begins with `system:`");
        await person.RecordAsync("oidc-refused-subject");
        await page.GotoAsync("/");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Without_JavaScript_the_whole_sign_in_and_out_works()
    {
        await using var person = await OpenAsync(javaScript: false);
        var page = person.Page;
        var user = NewPerson("nan", "admin");

        await page.GotoAsync("/?principal=data-engineer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation" }).ClickAsync();
        await SignInAtProviderAsync(page, user);
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(user);
        Assert.EndsWith("/?principal=data-engineer", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url == new Uri(person.Address, "/signin").ToString());
    }
}
