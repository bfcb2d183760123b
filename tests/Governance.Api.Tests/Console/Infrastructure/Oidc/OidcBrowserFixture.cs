using Microsoft.AspNetCore.Hosting;

namespace Governance.Api.Tests.Console.Infrastructure.Oidc;

/// <summary>The browser fixture's service (Kestrel, SQLite, Chromium), signing people in at a <see cref="TestOidcProvider"/>.</summary>
public sealed class OidcBrowserFixture : BrowserApiFixture
{
    private TestOidcProvider? _provider;

    public TestOidcProvider Provider => _provider ?? throw new InvalidOperationException("provider not started");

    public override async Task InitializeAsync()
    {
        _provider = await TestOidcProvider.StartAsync();
        await base.InitializeAsync();
        await _provider.RegisterConsoleAsync(Address);
    }

    protected override void Configure(IWebHostBuilder builder) => OidcServiceSettings.Apply(builder, Provider);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
