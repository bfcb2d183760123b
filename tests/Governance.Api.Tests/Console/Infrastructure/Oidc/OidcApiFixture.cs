using Governance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Governance.Api.Tests.Console.Infrastructure.Oidc;

/// <summary>The service on SQLite in the in-memory test server, signing people in at a <see cref="TestOidcProvider"/>.</summary>
public sealed class OidcApiFixture : ApiFixture
{
    private TestOidcProvider? _provider;

    public OidcApiFixture() => Database = TestDatabase.Sqlite(DataDirectory);

    public override TestDatabase Database { get; }

    public TestOidcProvider Provider => _provider ?? throw new InvalidOperationException("provider not started");

    public override async Task InitializeAsync()
    {
        _provider = await TestOidcProvider.StartAsync();
        await base.InitializeAsync();
        await _provider.RegisterConsoleAsync(Factory.Server.BaseAddress);
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
