using Governance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.Api.Tests.Console.Infrastructure.Oidc;

/// <summary>The service on SQLite in the in-memory test server, signing people in at a <see cref="TestOidcProvider"/>.</summary>
public sealed class OidcApiFixture : ApiFixture
{
    private TestOidcProvider? _provider;

    public OidcApiFixture() => Database = TestDatabase.Sqlite(DataDirectory);

    public override TestDatabase Database { get; }

    /// <summary>The service's log lines.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public TestOidcProvider Provider => _provider ?? throw new InvalidOperationException("provider not started");

    public override async Task InitializeAsync()
    {
        _provider = await TestOidcProvider.StartAsync();
        await base.InitializeAsync();
        await _provider.RegisterConsoleAsync(Factory.Server.BaseAddress);
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        OidcServiceSettings.Apply(builder, Provider);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Warning));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Logs.Dispose();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
