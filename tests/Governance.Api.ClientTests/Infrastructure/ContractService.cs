using Amazon.Runtime;
using Amazon.SecurityToken;
using AwsReplay;
using AwsReplay.SigV4;
using Governance.Core.Infrastructure.Aws.Sts;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Infrastructure.Signing;
using Governance.Core.Workflow.Credentials;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Api.ClientTests.Infrastructure;

/// <summary>
/// The real service on Kestrel (a loopback port, real HTTP), on SQLite in a data folder of its own, with credential
/// vending on and its STS client sending to a loopback STS that answers <c>AssumeRole</c> with the published example.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync, which disposes the factory, the replay and the data folder.")]
public sealed class ContractService : IAsyncLifetime
{
    private const string StsRegion = "eu-west-1";

    private readonly TempFolder _data = TempFolder.Create();
    private Factory? _factory;
    private ReplayServer? _sts;

    /// <summary>The service's address on the loopback interface.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _sts = await ReplayServer.StartAsync();
        _factory = new Factory(_data.Path, _sts.Endpoint);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        var time = _factory.Time;
        _sts.Handle(r => r.Action == "AssumeRole" && int.TryParse(r.Parameters.GetValueOrDefault("DurationSeconds"), out var seconds)
            ? StsResponses.AssumeRole(time.GetUtcNow().AddSeconds(seconds))
            : null);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (_sts is not null)
        {
            await _sts.DisposeAsync();
        }
        Recorder.Dispose();
        _data.Dispose();
    }

    /// <summary>Every answer the clients of <see cref="ClientFor"/> and <see cref="AnonymousClient"/> read.</summary>
    public RecordingHandler Recorder { get; } = new();

    /// <summary>An HTTP client over TCP to the service, carrying a token for <paramref name="subject"/> with <paramref name="roles"/>.</summary>
    public HttpClient ClientFor(string subject, params string[] roles)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            LocalTokenIssuer.Mint(LocalSigningKey.LoadOrCreate(_data.Path), subject, roles, TimeSpan.FromMinutes(30), TimeProvider.System));
        return client;
    }

    /// <summary>An HTTP client over TCP to the service, with no token.</summary>
    public HttpClient AnonymousClient() => new(Recorder, disposeHandler: false) { BaseAddress = BaseAddress };

    private sealed class Factory(string dataDirectory, Uri sts) : WebApplicationFactory<Program>
    {
        /// <summary>Starts at the real time, because token lifetimes are checked against the real clock.</summary>
        public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Governance:DataDirectory", dataDirectory);
            builder.UseSetting("Governance:PoliciesDirectory", RepositoryPaths.Policies);
            builder.UseSetting("Governance:Database:Provider", nameof(DatabaseProvider.Sqlite));
            builder.UseSetting("Governance:Database:ConnectionString", GovernanceDatabase.SqliteConnectionString(dataDirectory));
            builder.UseSetting("Governance:Scheduler:Enabled", "false");
            builder.UseSetting(CredentialVendingOptions.EnabledKey, "true");
            builder.ConfigureLogging(static l => l.SetMinimumLevel(LogLevel.Warning));
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
                services.RemoveAll<IRoleSessionIssuer>();
                services.AddSingleton<IRoleSessionIssuer>(_ => new StsRoleSessionIssuer(() => new AmazonSecurityTokenServiceClient(
                    new BasicAWSCredentials(SigV4Credentials.Example.AccessKeyId, SigV4Credentials.Example.SecretAccessKey),
                    new AmazonSecurityTokenServiceConfig { ServiceURL = sts.ToString(), AuthenticationRegion = StsRegion, MaxErrorRetry = 0 })));
            });
        }
    }
}
