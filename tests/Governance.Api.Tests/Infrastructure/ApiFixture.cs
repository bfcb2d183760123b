using Microsoft.AspNetCore.Hosting;
using TestSupport.Files;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>One service, data folder and database per test class.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync, which disposes the factory and the data folder.")]
public abstract class ApiFixture : IAsyncLifetime
{
    private readonly TempFolder _dataDirectory = TempFolder.Create();
    private GovernanceApiFactory? _factory;
    private Uri? _address;

    public string DataDirectory => _dataDirectory.Path;

    public abstract TestDatabase Database { get; }

    /// <summary>
    /// True for a fixture whose service listens on a loopback port through Kestrel, as a browser needs; false for the
    /// in-memory test server. Either way the pipeline, services and fake clock are the same.
    /// </summary>
    protected virtual bool ServesOnKestrel => false;

    /// <summary>Where a <see cref="ServesOnKestrel"/> fixture's service listens.</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("this fixture's service does not listen on a port");

    /// <summary>Settings a fixture adds to the service's, applied last.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public GovernanceApiFactory Factory => _factory ?? throw new InvalidOperationException(Database.UnavailableReason ?? "fixture not started");

    public virtual Task InitializeAsync()
    {
        if (Database.UnavailableReason is null)
        {
            _factory = new GovernanceApiFactory(Database, DataDirectory, Configure);
            if (ServesOnKestrel)
            {
                _factory.UseKestrel(0);
                _factory.StartServer();
                _address = _factory.ClientOptions.BaseAddress;
            }
            else
            {
                _ = _factory.Server; // start now: migrations run once per class, not inside the first test's timing
            }
        }
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await Database.DropAsync();
        _dataDirectory.Dispose();
    }
}
