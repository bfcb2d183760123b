using Governance.Api.Tests.Infrastructure.Logs;
using Governance.Core.Infrastructure.Signing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TestSupport.Paths;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>The real service over the real pipeline, with its own data folder and database and a fake clock.</summary>
/// <param name="database">The database.</param>
/// <param name="dataDirectory">The data folder.</param>
/// <param name="configure">Settings and services a fixture adds, applied last.</param>
public sealed class GovernanceApiFactory(TestDatabase database, string dataDirectory, Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Starts at the real time, because token lifetimes are checked against the real clock.</summary>
    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    public LocalSigningKey SigningKey
    {
        get
        {
            var key = LocalSigningKey.LoadOrCreate(DataDirectory);
            SecretScanningLoggerProvider.Run.AddSecret(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(key.Key.Key), "the service's signing key");
            return key;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Governance:DataDirectory", DataDirectory);
        builder.UseSetting("Governance:PoliciesDirectory", RepositoryPaths.Policies);
        builder.UseSetting("Governance:Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Governance:Database:ConnectionString", Database.ConnectionString);
        // The tests call the services themselves; jobs firing as the fake clock moves would race them (Scheduler.Tests covers the jobs).
        builder.UseSetting("Governance:Scheduler:Enabled", "false");
        // Every host's log lines, at Debug whatever the levels above, go to the run's secret scan (SecretScanningLoggerProvider).
        builder.ConfigureLogging(static l => l.SetMinimumLevel(LogLevel.Warning)
            .AddProvider(SecretScanningLoggerProvider.Run).AddFilter<SecretScanningLoggerProvider>(null, LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
        configure?.Invoke(builder);
    }

    /// <summary>Stops the service, then fails when any host of the run has logged a secret so far (see <see cref="SecretScanningLoggerProvider"/>).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SecretScanningLoggerProvider.Run.AssertClean();
    }

    public HttpClient ClientFor(string subject, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Valid(SigningKey, subject, roles));
        return client;
    }
}
