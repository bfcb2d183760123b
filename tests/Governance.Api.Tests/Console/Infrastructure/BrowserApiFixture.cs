using Governance.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Governance.Api.Tests.Console.Infrastructure;

/// <summary>
/// The service on SQLite, listening on a loopback port, and one headless Chromium (Debian's, by its path: no browser
/// download reaches this machine) that the test class opens pages in, one browser context per person.
/// </summary>
public class BrowserApiFixture : ApiFixture, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserApiFixture() => Database = TestDatabase.Sqlite(DataDirectory);

    public override TestDatabase Database { get; }

    protected override bool ServesOnKestrel => true;

    /// <summary>Why no browser runs here, or null when one does.</summary>
    public string? BrowserUnavailableReason { get; private set; }

    /// <summary>The browser; tests skip with <see cref="BrowserUnavailableReason"/> when there is none.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(BrowserUnavailableReason ?? "browser not started");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        BrowserUnavailableReason = Chromium.UnavailableReason();
        if (BrowserUnavailableReason is null)
        {
            // As BrowserPerson's timeouts: two loaded cores, a page that waits for the database.
            Assertions.SetDefaultExpectTimeout(45_000);
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await DisposeAsync();
    }
}
