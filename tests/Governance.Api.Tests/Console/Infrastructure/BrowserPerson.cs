using Microsoft.Playwright;

namespace Governance.Api.Tests.Console.Infrastructure;

/// <summary>One person at the console in their own browser context (their own cookies), with JavaScript on or off.</summary>
public sealed class BrowserPerson : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private BrowserPerson(IBrowserContext context, IPage page, Uri address)
    {
        _context = context;
        Page = page;
        Address = address;
    }

    public IPage Page { get; }

    /// <summary>The service's address.</summary>
    public Uri Address { get; }

    /// <summary>Opens a browser context at the service; <paramref name="javaScript"/> off is the console without scripts.</summary>
    /// <param name="fixture">The service and browser.</param>
    /// <param name="javaScript">False for the console without scripts.</param>
    /// <param name="ignoreHttpsErrors">True to accept a test identity provider's self-signed certificate.</param>
    public static async Task<BrowserPerson> OpenAsync(BrowserApiFixture fixture, bool javaScript = true, bool ignoreHttpsErrors = false)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var context = await fixture.Browser.NewContextAsync(new()
        {
            BaseURL = fixture.Address.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = Screenshots.Laptop,
            Locale = "en-GB",
            IgnoreHTTPSErrors = ignoreHttpsErrors,
        });
        // Generous: the whole suite runs on two cores beside other browsers and services, and a page waits for the database.
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(45_000);
        return new BrowserPerson(context, await context.NewPageAsync(), fixture.Address);
    }

    /// <summary>Signs in through the demo sign-in page as <paramref name="user"/> with <paramref name="role"/>.</summary>
    public async Task SignInAsync(string user, string role)
    {
        await Page.GotoAsync("/signin");
        await Page.GetByLabel("User name").FillAsync(user);
        await Page.GetByLabel(role, new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // What the person sees once signed in, polled, rather than a navigation event to race
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Takes the page's screenshots and checks it with axe-core (JavaScript on only: axe runs in the page).</summary>
    public async Task RecordAsync(string name, bool checkAccessibility = true)
    {
        await Screenshots.TakeAsync(Page, name);
        if (checkAccessibility)
        {
            await Accessibility.AssertNoSeriousViolationsAsync(Page, name);
        }
    }

    /// <summary>
    /// Runs <paramref name="steps"/>; when one fails, saves what each person's page showed (<c>FAILED-NAME-N.png</c>
    /// beside the screenshots) and says where they were, so that a failure on CI can be read from its artefacts.
    /// </summary>
    public static async Task ExplainFailureAsync(string name, Func<Task> steps, params BrowserPerson[] people)
    {
        ArgumentNullException.ThrowIfNull(steps);
        try
        {
            await steps();
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            var where = new List<string>();
            for (var i = 0; i < people.Length; i++)
            {
                Directory.CreateDirectory(Screenshots.Folder);
                await people[i].Page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, $"FAILED-{name}-{i + 1}.png"), FullPage = true });
                where.Add($"person {i + 1} at {people[i].Page.Url}: {Squeeze(await people[i].Page.Locator("main").InnerTextAsync())}");
            }
            throw new Xunit.Sdk.XunitException($"{failure.Message}{Environment.NewLine}{string.Join(Environment.NewLine, where)}");
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private static string Squeeze(string text)
    {
        var words = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return words.Length > 600 ? words[..600] + "…" : words;
    }
}
